// Editing a versioned record: only the fields the user changed are sent, with If-Match. When
// someone else saved first (412) the form explains it, lists what they changed beside what the
// user typed, and offers to load the latest version while keeping the user's input.
import { h } from '../dom.js';
import { t, label } from '../i18n.js';
import { session } from '../session.js';
import { money } from '../format.js';
import { field, values, showErrors, clearErrors } from './form.js';

/** A value as the user reads it, for the conflict table. */
export function show(spec, value) {
  if (value === null || value === undefined || value === '') return '—';
  if (spec.type === 'checkbox') return value ? t('common.yes') : t('common.no');
  if (spec.type === 'number' && !spec.step) return money(value);
  if (spec.type === 'select') {
    if (typeof spec.options === 'string') return label(spec.options, value);
    const found = spec.options.find(([v]) => String(v) === String(value));
    return found ? found[1] : session.agencyName(value);
  }
  return String(value);
}

const same = (a, b) => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');

/**
 * A form for `record` (null to create). `save(body, version)` writes and answers the saved record;
 * `reload()` fetches the current one after a conflict.
 */
export function recordForm({ specs, record, save, reload, onSaved, onCancel, submit = t('common.save'), id }) {
  let base = record;
  const form = h('form', { novalidate: true, class: 'record-form', id },
    h('div', { class: 'conflict-slot' }),
    h('div', { class: 'form-grid' }, specs.map((spec) => field({ ...spec, value: record ? record[spec.name] : spec.value }))),
    h('div', { class: 'actions' },
      h('button', { class: 'button', type: 'submit' }, submit),
      onCancel ? h('button', { class: 'button secondary', type: 'button', onclick: onCancel }, t('common.cancel')) : null));
  const slot = form.querySelector('.conflict-slot');

  const setField = (spec, value) => {
    const el = form.elements[spec.name];
    if (!el) return;
    if (spec.type === 'checkbox') el.checked = Boolean(value);
    else el.value = value ?? '';
  };

  const conflict = (current, typed) => {
    const theirs = specs.filter((s) => !s.readOnly && !same(base[s.name], current[s.name]));
    const rows = theirs.map((s) => h('tr', { class: 'changed' },
      h('th', { scope: 'row' }, s.label), h('td', { 'data-label': t('errors.conflict.theirs') }, show(s, current[s.name])),
      h('td', { 'data-label': t('errors.conflict.yours') }, show(s, typed[s.name]))));
    const box = h('div', { class: 'notice warn conflict', role: 'alert', tabindex: '-1', id: 'conflict-notice' },
      h('h2', {}, t('errors.conflict.title')),
      h('p', {}, t('errors.conflict.body', { version: current.version })),
      rows.length ? h('table', { class: 'data cards-on-phone' },
        h('thead', {}, h('tr', {}, h('th', {}, t('errors.conflict.field')), h('th', {}, t('errors.conflict.theirs')), h('th', {}, t('errors.conflict.yours')))),
        h('tbody', {}, rows)) : null,
      h('button', {
        class: 'button', type: 'button', id: 'conflict-reload',
        onclick: () => {
          // Fields the user left alone take the other person's values; typed ones stay.
          for (const s of specs) if (same(base[s.name], typed[s.name])) setField(s, current[s.name]);
          base = current;
          slot.replaceChildren();
          form.querySelector('button[type=submit]').focus();
        },
      }, t('errors.conflict.reload')));
    slot.replaceChildren(box);
    box.focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const typed = values(form, specs);
    const body = base ? Object.fromEntries(Object.entries(typed).filter(([k, v]) => !same(base[k], v))) : typed;
    if (base && !Object.keys(body).length) { onCancel?.(); return; }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const saved = await save(body, base?.version);
      slot.replaceChildren();
      await onSaved(saved);
    } catch (error) {
      if (error.status === 412 && reload) conflict(await reload(), typed);
      else showErrors(form, error, Object.fromEntries(specs.map((s) => [s.name, s.label])));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
