// 全社会固定资产投资 (county): each district's monthly figure from the statistics bureau, one
// row per district and one column per month; a changed cell is saved when the cursor leaves it.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { href } from '../router.js';
import { session } from '../session.js';
import { money, monthsOf, monthTitle, thisYear } from '../format.js';
import { pageHead } from '../components/ui.js';
import { downloads } from '../components/transfer.js';

export async function render(view, { query }) {
  const year = Number(query.get('year')) || thisYear();
  const figures = await api.all('/statistics/fai', { year });
  const cell = new Map(figures.map((f) => [`${f.agency_id}/${f.month}`, f]));
  const months = monthsOf(year);
  const edit = session.countyWrites;
  const districts = session.ofKind('district');

  const rows = districts.map((d) => {
    const total = h('td', { class: 'num', 'data-label': t('common.sum') });
    const sum = () => { total.textContent = money(months.reduce((a, m) => a + Number(cell.get(`${d.id}/${m}`)?.amount || 0), 0)); };
    sum();
    return h('tr', {}, h('th', { scope: 'row' }, d.name), months.map((m) => {
      const key = `${d.id}/${m}`;
      const input = h('input', { class: 'cell small-cell', type: 'text', inputmode: 'decimal', disabled: !edit, 'aria-label': `${d.name} ${m}`, value: cell.get(key)?.amount ?? '' });
      input.addEventListener('change', async () => {
        const td = input.parentElement;
        try {
          const saved = await api.put(`/statistics/fai/${d.id}/${m}`, { amount: Number(input.value.replace(/,/g, '')) }, cell.get(key)?.version);
          cell.set(key, saved);
          td.className = 'is-saved';
          input.title = t('statistics.saved');
          sum();
        } catch (error) {
          td.className = 'is-failed';
          input.title = Object.values(error.fields).join(t('text.clauseSeparator')) || error.message;
          input.setAttribute('aria-invalid', 'true');
          if (error.status === 412) cell.set(key, await api.get(`/statistics/fai/${d.id}/${m}`));
        }
      });
      return h('td', { 'data-label': monthTitle(m) }, input);
    }), total);
  });
  mount(view,
    pageHead(t('statistics.title', { year }), {
      actions: [
        h('a', { class: 'button secondary small', href: href('/statistics', { year: year - 1 }) }, t('text.prevYear', { year: year - 1 })),
        h('a', { class: 'button secondary small', href: href('/statistics', { year: year + 1 }) }, t('text.nextYear', { year: year + 1 })),
        downloads('/statistics/fai', { year })],
    }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data entry', id: 'fai-grid' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('field.district_id')), months.map((m) => h('th', { scope: 'col' }, t('text.monthShort', { month: Number(m.slice(5)) }))), h('th', { scope: 'col' }, t('common.sum')))),
      h('tbody', {}, rows))));
}
