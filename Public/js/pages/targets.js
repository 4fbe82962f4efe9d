// 目标任务分解 (county): each assessed agency's annual target of every indicator for a year,
// edited row by row with If-Match; others read their own.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { t, label } from '../i18n.js';
import { href } from '../router.js';
import { session } from '../session.js';
import { thisYear } from '../format.js';
import { pageHead } from '../components/ui.js';
import { downloads } from '../components/transfer.js';

const INDICATORS = ['fai', 'major_investment', 'new_starts', 'completions', 'attraction_funds'];

export async function render(view, { query }) {
  const year = Number(query.get('year')) || thisYear();
  const rows = await api.all(`/targets/${year}`);
  const byAgency = new Map(rows.map((r) => [r.agency_id, r]));
  const agencies = [...session.ofKind('district'), ...session.ofKind('department')];
  const edit = session.countyWrites;

  const body = agencies.map((agency) => {
    let current = byAgency.get(agency.id) || null;
    const inputs = INDICATORS.map((code) => h('input', {
      class: 'cell', type: 'text', inputmode: 'decimal', name: code, disabled: !edit,
      'aria-label': `${agency.name} ${label('indicator', code)}`, value: current?.[code] ?? '',
    }));
    const status = h('td', { class: 'row-status', 'aria-live': 'polite', 'data-label': t('field.status') });
    const tr = h('tr', {}, h('th', { scope: 'row' }, agency.name, ' ', h('span', { class: 'muted' }, label('kind', agency.kind))),
      inputs.map((i) => h('td', { 'data-label': label('indicator', i.name) }, i)), status);
    tr.addEventListener('change', async () => {
      const payload = Object.fromEntries(inputs.map((i) => [i.name, i.value.trim() === '' ? null : Number(i.value.replace(/,/g, ''))]));
      try {
        current = await api.put(`/targets/${year}/${agency.id}`, payload, current?.version);
        tr.className = 'is-saved';
        status.textContent = t('common.saved');
      } catch (error) {
        tr.className = 'is-failed';
        status.textContent = error.status === 412 ? t('errors.conflict.title') : Object.values(error.fields).join(t('text.clauseSeparator')) || error.message;
        if (error.status === 412) current = await api.get(`/targets/${year}/${agency.id}`);
      }
    });
    return tr;
  });
  mount(view,
    pageHead(t('targets.title', { year }), {
      sub: `${t('targets.unitNote')}${edit ? t('targets.saveNote') : ''}`,
      actions: [
        h('a', { class: 'button secondary small', href: href('/targets', { year: year - 1 }) }, t('text.prevYear', { year: year - 1 })),
        h('a', { class: 'button secondary small', href: href('/targets', { year: year + 1 }) }, t('text.nextYear', { year: year + 1 })),
        downloads(`/targets/${year}`, {})],
    }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data entry', id: 'target-grid' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('targets.agency')), INDICATORS.map((c) => h('th', { scope: 'col' }, label('indicator', c))), h('th', { scope: 'col' }, t('field.status')))),
      h('tbody', {}, body))));
}
