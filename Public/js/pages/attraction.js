// 招商引资: funds in place against the 1,100,000 万元 target and the 15 central-SOE deals, the
// teams with their results, and the deals with their receipts; filters in the URL.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t, label } from '../i18n.js';
import { setQuery } from '../router.js';
import { session } from '../session.js';
import { money, number, date, thisYear } from '../format.js';
import { pageHead, table, card, meter, pager, dialog } from '../components/ui.js';
import { field } from '../components/form.js';
import { recordForm } from '../components/record-form.js';
import { downloads } from '../components/transfer.js';

const TARGET_FUNDS = 1100000;
const TARGET_SOE = 15;

export async function render(view, { query }) {
  const teamId = query.get('team_id') || '';
  const districtId = query.get('district_id') || '';
  const offset = Number(query.get('offset') || 0);
  const [teams, allDeals, page] = await Promise.all([
    api.all('/attraction/teams'),
    api.all('/attraction/deals'),
    api.get('/attraction/deals', { team_id: teamId, district_id: districtId, limit: 50, offset }),
  ]);
  const teamName = new Map(teams.map((x) => [x.id, x.name]));
  const inPlace = allDeals.reduce((a, d) => a + Number(d.funds_in_place), 0);
  const soe = allDeals.filter((d) => d.investor_kind === 'central_soe').length;
  const leads = (deal) => session.writes && (session.isCounty || (session.isDepartment && teams.some((x) => x.id === deal.team_id && x.lead_department_id === session.agencyId)));

  const receipts = async (deal) => {
    const list = await api.all(`/attraction/deals/${deal.id}/receipts`);
    dialog(t('text.labelled', { label: t('attraction.receipts'), value: deal.investor }), (close) => h('div', {},
      table([
        { label: t('attraction.receivedOn'), value: (r) => date(r.received_on) },
        { label: t('field.amount'), num: true, value: (r) => money(r.amount) },
      ], list, { short: true }),
      leads(deal) ? recordForm({
        specs: [{ name: 'received_on', label: t('attraction.receivedOn'), type: 'date' }, { name: 'amount', label: t('field.amount'), type: 'number' }],
        record: null, submit: t('attraction.addReceipt'),
        save: (body) => api.post(`/attraction/deals/${deal.id}/receipts`, body),
        onSaved: () => { close(); toast(t('common.saved')); setQuery({}); },
      }) : null,
      h('div', { class: 'actions' }, h('button', { class: 'button secondary', type: 'button', onclick: close }, t('common.close')))));
  };
  const addDeal = () => dialog(t('attraction.addDeal'), (close) => recordForm({
    specs: [
      { name: 'team_id', label: t('attraction.team'), type: 'select', numeric: true, options: teams.filter((x) => session.isCounty || x.lead_department_id === session.agencyId).map((x) => [x.id, x.name]) },
      { name: 'investor', label: t('attraction.investor') },
      { name: 'investor_kind', label: t('attraction.investorKind'), type: 'select', options: 'investor' },
      { name: 'signed_amount', label: t('attraction.signed'), type: 'number' },
      { name: 'signed_on', label: t('attraction.signedOn'), type: 'date' },
      { name: 'district_id', label: t('field.district_id'), type: 'select', numeric: true, options: session.ofKind('district').map((a) => [a.id, a.name]) },
    ],
    record: null,
    save: (body) => api.post('/attraction/deals', body),
    onSaved: () => { close(); toast(t('common.saved')); setQuery({}); },
    onCancel: close,
  }));

  const filters = h('form', { class: 'filters' },
    field({ name: 'team_id', label: t('attraction.team'), type: 'select', blank: t('common.all'), value: teamId, options: teams.map((x) => [x.id, x.name]) }),
    field({ name: 'district_id', label: t('field.district_id'), type: 'select', blank: t('common.all'), value: districtId, options: session.ofKind('district').map((a) => [a.id, a.name]) }),
    h('button', { class: 'button secondary', type: 'submit' }, t('common.filter')));
  filters.addEventListener('submit', (e) => { e.preventDefault(); setQuery({ team_id: filters.elements.team_id.value, district_id: filters.elements.district_id.value, offset: '' }); });

  const byTeam = teams.map((team) => {
    const deals = allDeals.filter((d) => d.team_id === team.id);
    return { team, count: deals.length, signed: deals.reduce((a, d) => a + Number(d.signed_amount), 0), inPlace: deals.reduce((a, d) => a + Number(d.funds_in_place), 0) };
  });
  mount(view,
    pageHead(t('attraction.title'), {
      sub: t('common.year', { year: thisYear() }),
      actions: [downloads('/attraction/deals', { team_id: teamId, district_id: districtId }),
        session.writes && (session.isCounty || teams.some((x) => x.lead_department_id === session.agencyId)) ? h('button', { class: 'button', type: 'button', onclick: addDeal }, t('attraction.addDeal')) : null],
    }),
    h('div', { class: 'cards' },
      card(t('attraction.inPlace'), money(inPlace), inPlace >= TARGET_FUNDS ? 'ok' : 'warn'),
      card(t('attraction.soe'), `${number(soe)} / ${TARGET_SOE}`, soe >= TARGET_SOE ? 'ok' : 'warn'),
      card(t('attraction.deals'), number(allDeals.length))),
    h('div', { class: 'panel', id: 'attraction-progress' },
      h('h2', {}, t('attraction.progress')),
      h('p', {}, t('text.labelled', { label: t('attraction.target'), value: `${money(inPlace)} / ${money(TARGET_FUNDS)}` })), meter(inPlace / TARGET_FUNDS, { title: t('attraction.progress'), tone: inPlace >= TARGET_FUNDS ? 'ok' : '' }),
      h('p', {}, t('text.labelled', { label: t('text.note', { text: t('attraction.soe'), note: t('attraction.soeTarget') }), value: `${soe} / ${TARGET_SOE}` })), meter(soe / TARGET_SOE, { title: t('attraction.soe'), tone: soe >= TARGET_SOE ? 'ok' : 'warn' })),
    h('h2', {}, t('attraction.teams')),
    table([
      { label: t('attraction.team'), header: true, value: (r) => r.team.name },
      { label: t('attraction.lead'), value: (r) => session.agencyName(r.team.lead_department_id) },
      { label: t('attraction.deals'), num: true, value: (r) => r.count },
      { label: t('attraction.signed'), num: true, value: (r) => money(r.signed) },
      { label: t('attraction.inPlace'), num: true, value: (r) => money(r.inPlace) },
    ], byTeam, { short: true, foot: [t('common.sum'), '', number(allDeals.length), money(byTeam.reduce((a, r) => a + r.signed, 0)), money(inPlace)] }),
    h('h2', {}, t('attraction.deals')),
    filters,
    pager(page),
    table([
      { label: t('attraction.investor'), header: true, value: (d) => d.investor },
      { label: t('attraction.investorKind'), value: (d) => label('investor', d.investor_kind) },
      { label: t('attraction.team'), value: (d) => teamName.get(d.team_id) || '—' },
      { label: t('field.district_id'), value: (d) => session.agencyName(d.district_id) },
      { label: t('attraction.signedOn'), value: (d) => date(d.signed_on) },
      { label: t('attraction.signed'), num: true, value: (d) => money(d.signed_amount) },
      { label: t('attraction.inPlace'), num: true, value: (d) => money(d.funds_in_place) },
      { label: '', value: (d) => h('button', { class: 'button secondary small', type: 'button', onclick: () => receipts(d) }, t('attraction.receipts')) },
    ], page.items, { id: 'deal-table' }));
}
