// 建设用地指标: the year's quota in 亩, how much is allocated, the reserved share for major
// projects, and the allocations; the county sets the quota and allocates.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t } from '../i18n.js';
import { href, setQuery } from '../router.js';
import { session } from '../session.js';
import { number, thisYear } from '../format.js';
import { pageHead, table, card, meter, badge, dialog } from '../components/ui.js';
import { recordForm } from '../components/record-form.js';
import { downloads } from '../components/transfer.js';

export async function render(view, { query }) {
  const year = Number(query.get('year')) || thisYear();
  const quota = await api.get(`/land/quotas/${year}`).catch((e) => { if (e.status === 404) return null; throw e; });
  const allocations = quota ? await api.all(`/land/quotas/${year}/allocations`) : [];
  const names = new Map();
  if (allocations.length) for (const p of await api.all('/projects')) names.set(p.id, p);

  const setQuota = () => dialog(`${t('common.year', { year })}${t('land.title')}`, (close) => recordForm({
    specs: [{ name: 'quota_mu', label: t('field.quota_mu'), type: 'number' }, { name: 'reserved_mu', label: t('field.reserved_mu'), type: 'number' }],
    record: quota,
    save: (body, version) => api.put(`/land/quotas/${year}`, { quota_mu: quota?.quota_mu, reserved_mu: quota?.reserved_mu, ...body }, version),
    reload: () => api.get(`/land/quotas/${year}`),
    onSaved: () => { close(); toast(t('common.saved')); setQuery({}); },
    onCancel: close,
  }));
  const allocate = () => dialog(t('land.allocate'), (close) => recordForm({
    specs: [
      { name: 'project_id', label: t('land.projectNumber', { label: t('field.project_id') }), type: 'number', step: '1', hint: t('land.projectNumberHint') },
      { name: 'area_mu', label: t('field.area_mu'), type: 'number' },
      { name: 'from_reserve', label: t('field.from_reserve'), type: 'checkbox' },
    ],
    record: null,
    save: (body) => api.post('/land/allocations', { ...body, year }),
    onSaved: () => { close(); toast(t('common.saved')); setQuery({}); },
    onCancel: close,
  }));

  const yearNav = h('div', { class: 'actions' },
    h('a', { class: 'button secondary small', href: href('/land', { year: year - 1 }) }, t('text.prevYear', { year: year - 1 })),
    h('a', { class: 'button secondary small', href: href('/land', { year: year + 1 }) }, t('text.nextYear', { year: year + 1 })));
  const head = pageHead(`${t('common.year', { year })}${t('land.title')}`, {
    actions: [yearNav, downloads(`/land/quotas/${year}/allocations`, {}),
      session.countyWrites ? h('button', { class: 'button secondary', type: 'button', onclick: setQuota }, quota ? t('common.edit') : t('common.add')) : null,
      session.countyWrites && quota ? h('button', { class: 'button', type: 'button', onclick: allocate }, t('land.allocate')) : null],
  });
  if (!quota) { mount(view, head, h('p', { class: 'notice' }, t('land.none', { year }))); return; }
  mount(view, head,
    h('div', { class: 'cards' },
      card(t('land.quota'), number(quota.quota_mu)),
      card(t('land.allocated'), number(quota.allocated_mu)),
      card(t('land.remaining'), number(quota.quota_mu - quota.allocated_mu), quota.quota_mu - quota.allocated_mu > 0 ? 'ok' : 'bad'),
      card(t('land.reserved'), `${number(quota.allocated_reserve_mu)} / ${number(quota.reserved_mu)}`, 'warn')),
    h('div', { class: 'panel' },
      h('p', {}, t('land.allocated')), meter(quota.quota_mu ? quota.allocated_mu / quota.quota_mu : 0, { title: t('land.allocated') }),
      h('p', {}, t('land.allocatedReserve')), meter(quota.reserved_mu ? quota.allocated_reserve_mu / quota.reserved_mu : 0, { tone: 'warn', title: t('land.allocatedReserve') })),
    h('h2', {}, t('land.allocations')),
    table([
      { label: t('field.name'), header: true, value: (a) => (names.get(a.project_id) ? h('a', { href: href(`/projects/${a.project_id}`) }, names.get(a.project_id).name) : `#${a.project_id}`) },
      { label: t('field.major'), value: (a) => (names.get(a.project_id)?.major ? badge(t('field.major'), 'major') : '') },
      { label: t('field.area_mu'), num: true, value: (a) => number(a.area_mu) },
      { label: t('field.from_reserve'), value: (a) => (a.from_reserve ? t('common.yes') : t('common.no')) },
    ], allocations, { short: true }));
}
