// Forms in the GOV.UK way: labels above fields, units in the label, the API's field errors next
// to each field and summarised at the top with links that move focus to the field.
import { h, uid } from '../dom.js';
import { t, options as enumOptions } from '../i18n.js';

/**
 * A field: {name, label, type ('text'|'number'|'date'|'select'|'checkbox'|'textarea'|'password'),
 * value, options ([value, label] pairs or an enum group name), required, hint, step, wide, blank}.
 */
export function field(spec) {
  const id = uid(`f-${spec.name}`);
  const hintId = spec.hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const common = { id, name: spec.name, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' '), required: spec.required || null, disabled: spec.disabled || null };
  let control;
  if (spec.type === 'select') {
    const opts = typeof spec.options === 'string' ? enumOptions(spec.options) : spec.options;
    control = h('select', common,
      spec.blank !== undefined ? h('option', { value: '' }, spec.blank) : null,
      opts.map(([v, l]) => h('option', { value: v, selected: String(spec.value ?? '') === String(v) }, l)));
  } else if (spec.type === 'textarea') {
    control = h('textarea', { ...common, rows: spec.rows || 3 });
    control.value = spec.value ?? '';
  } else if (spec.type === 'checkbox') {
    control = h('input', { ...common, type: 'checkbox', checked: Boolean(spec.value) });
    return h('div', { class: ['field', 'checkbox', spec.wide ? 'wide' : ''], 'data-field': spec.name }, control,
      h('label', { for: id }, spec.label), h('span', { class: 'field-error', id: errorId }));
  } else {
    control = h('input', {
      ...common, type: spec.type || 'text', step: spec.step || (spec.type === 'number' ? '0.01' : null),
      inputmode: spec.type === 'number' ? 'decimal' : null, value: spec.value ?? '',
      // "off" only where a browser offers to fill in (text); axe-core refuses it on other types.
      autocomplete: spec.autocomplete || (!spec.type || spec.type === 'text' ? 'off' : null),
    });
  }
  return h('div', { class: ['field', spec.wide ? 'wide' : ''], 'data-field': spec.name },
    h('label', { for: id }, spec.label),
    spec.hint ? h('span', { class: 'hint', id: hintId }, spec.hint) : null,
    h('span', { class: 'field-error', id: errorId }),
    control);
}

/** The values of a form's fields: numbers as numbers, empty as null, checkboxes as booleans. */
export function values(form, specs) {
  const out = {};
  for (const spec of specs) {
    const el = form.elements[spec.name];
    if (!el || spec.readOnly) continue;
    if (spec.type === 'checkbox') out[spec.name] = el.checked;
    else if (el.value.trim() === '') out[spec.name] = null;
    else if (spec.type === 'number' || spec.numeric) out[spec.name] = Number(el.value);
    else out[spec.name] = el.value.trim();
  }
  return out;
}

/** Clears the errors shown in a form. */
export function clearErrors(form) {
  form.querySelector('.error-summary')?.remove();
  for (const f of form.querySelectorAll('.field.has-error')) {
    f.classList.remove('has-error');
    f.querySelector('.field-error').textContent = '';
    f.querySelector('input,select,textarea')?.removeAttribute('aria-invalid');
  }
}

/**
 * Shows an ApiError in a form: each field error beside its field, and a summary at the top that
 * links to them; focus moves to the summary. `labels` names fields for the summary.
 */
export function showErrors(form, error, labels = {}) {
  clearErrors(form);
  const items = [];
  const fieldErrors = Object.entries(error.fields || {});
  for (const [name, message] of fieldErrors) {
    const wrapper = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    const control = wrapper?.querySelector('input,select,textarea');
    if (wrapper) {
      wrapper.classList.add('has-error');
      wrapper.querySelector('.field-error').textContent = message;
      control?.setAttribute('aria-invalid', 'true');
    }
    const text = t('text.labelled', { label: labels[name] || t(`field.${name}`), value: message });
    items.push(h('li', {}, control ? h('a', { href: `#${control.id}`, onclick: (e) => { e.preventDefault(); control.focus(); } }, text) : text));
  }
  if (!fieldErrors.length) items.push(h('li', {}, error.status === 403 ? t('common.forbidden') : error.message));
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1' },
    h('h2', {}, t('errors.summary')), h('ul', {}, items));
  form.prepend(summary);
  summary.focus();
}

/** A form with its fields, a submit button and an optional cancel button. */
export function form(specs, { submit = t('common.save'), onSubmit, onCancel, grid = true } = {}) {
  const el = h('form', { novalidate: true },
    h('div', { class: grid ? 'form-grid' : '' }, specs.map(field)),
    h('div', { class: 'actions' },
      h('button', { class: 'button', type: 'submit' }, submit),
      onCancel ? h('button', { class: 'button secondary', type: 'button', onclick: onCancel }, t('common.cancel')) : null));
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = el.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await onSubmit(values(el, specs), el);
    } catch (error) {
      showErrors(el, error);
    } finally {
      button.disabled = false;
    }
  });
  return el;
}
