// 园区: each park's infrastructure readiness (基础设施完成度) as a bar, and its 六通一平 / 八通一平
// items with their status; the park's district and the county update an item's status.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t, label } from '../i18n.js';
import { setQuery } from '../router.js';
import { session } from '../session.js';
import { money } from '../format.js';
import { pageHead, table, meter, dialog } from '../components/ui.js';
import { field } from '../components/form.js';
import { recordForm } from '../components/record-form.js';
import { downloads } from '../components/transfer.js';

const ORDER = ['water', 'drainage', 'power', 'telecom', 'road', 'gas', 'heating', 'cable_tv', 'levelling'];

export async function render(view, { query }) {
  const districtId = query.get('district_id') || '';
  const parks = await api.all('/parks', { district_id: districtId });
  const itemLists = await Promise.all(parks.map((p) => api.all(`/parks/${p.id}/items`)));
  const items = new Map(parks.map((p, i) => [p.id, itemLists[i].sort((a, b) => ORDER.indexOf(a.item) - ORDER.indexOf(b.item))]));
  const canEdit = (park) => session.writes && (session.isCounty || (session.isDistrict && park.district_id === session.agencyId));

  const editItem = (park, item) => dialog(`${park.name} · ${label('parkItem', item.item)}`, (close) => recordForm({
    specs: [
      { name: 'status', label: t('field.status'), type: 'select', options: 'itemStatus' },
      { name: 'planned_investment', label: t('parks.plannedInvestment'), type: 'number' },
      { name: 'completed_investment', label: t('parks.completedInvestment'), type: 'number' },
    ],
    record: item,
    save: (body, version) => api.put(`/parks/${park.id}/items/${item.item}`, { ...item, ...body, id: undefined, park_id: undefined, item: undefined, version: undefined, updated_at: undefined }, version),
    reload: async () => (await api.all(`/parks/${park.id}/items`)).find((i) => i.item === item.item),
    onSaved: () => { close(); toast(t('common.saved')); setQuery({}); },
    onCancel: close,
  }));

  const filters = h('form', { class: 'filters' },
    field({ name: 'district_id', label: t('field.district_id'), type: 'select', blank: t('common.all'), value: districtId, options: session.ofKind('district').map((a) => [a.id, a.name]) }),
    h('button', { class: 'button secondary', type: 'submit' }, t('common.filter')));
  filters.addEventListener('submit', (e) => { e.preventDefault(); setQuery({ district_id: filters.elements.district_id.value }); });

  const columns = [
    { label: t('parks.name'), header: true, value: (p) => p.name },
    { label: t('field.district_id'), value: (p) => session.agencyName(p.district_id) },
    { label: t('parks.standard'), class: 'nowrap', value: (p) => label('standard', p.standard) },
    { label: t('parks.readiness'), value: (p) => [meter(p.readiness, { tone: p.readiness >= 1 ? 'ok' : '', title: p.name }), h('span', { class: 'muted' }, t('parks.itemsDone', { done: p.items_done, total: p.items_total }))] },
    {
      label: t('parks.items'),
      value: (p) => h('div', { class: 'items' }, items.get(p.id).map((i) => {
        const text = `${i.status === 'done' ? '✓' : i.status === 'building' ? '…' : '○'} ${label('parkItem', i.item)}`;
        const title = t('parks.itemTitle', { item: label('parkItem', i.item), status: label('itemStatus', i.status), completed: money(i.completed_investment), planned: money(i.planned_investment) });
        // A thin bar under the word: the share of the item's planned investment completed.
        const share = i.planned_investment > 0 ? Math.min(1, i.completed_investment / i.planned_investment) : (i.status === 'done' ? 1 : 0);
        const bar = h('span', { class: 'chip-bar' });
        bar.style.width = `${share * 100}%`;
        const content = [text, h('span', { class: 'chip-track', 'aria-hidden': 'true' }, bar)];
        return canEdit(p)
          ? h('button', { class: `item-chip ${i.status}`, type: 'button', title, 'aria-label': title, onclick: () => editItem(p, i) }, content)
          : h('span', { class: `item-chip ${i.status}`, title, 'aria-label': title }, content);
      })),
    },
    { label: t('parks.investment'), num: true, value: (p) => `${money(p.planned_investment)} / ${money(p.completed_investment)}` },
  ];
  mount(view,
    pageHead(t('parks.title'), { actions: [downloads('/parks', { district_id: districtId })] }),
    filters,
    h('p', { class: 'legend' }, h('span', { class: 'item-chip done' }, `✓ ${label('itemStatus', 'done')}`), h('span', { class: 'item-chip building' }, `… ${label('itemStatus', 'building')}`), h('span', { class: 'item-chip planned' }, `○ ${label('itemStatus', 'planned')}`)),
    table(columns, parks, { id: 'park-table' }));
}
