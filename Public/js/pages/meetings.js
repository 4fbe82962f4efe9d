// 调度会: the county prepares a meeting (its agenda drawn from the data of that moment), adds
// items, records decisions (决定事项) with a responsible unit and due date, closes it and
// downloads the minutes (会议纪要); an agency sees the meetings it attends.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t, label, joinList } from '../i18n.js';
import { href, go } from '../router.js';
import { session } from '../session.js';
import { today } from '../format.js';
import { pageHead, pager, table, badge } from '../components/ui.js';
import { field, values, showErrors } from '../components/form.js';

const statusBadge = (m) => badge(label('meetingStatus', m.status), m.status === 'closed' ? 'ok' : 'info');

function prepareForm() {
  const specs = [
    { name: 'kind', label: t('meeting.kind'), type: 'select', options: 'meetingKind', value: 'monthly' },
    { name: 'title', label: t('meeting.titleField'), value: t('meeting.defaultTitle', { year: today().slice(0, 4), month: Number(today().slice(5, 7)) }) },
    { name: 'date', label: t('meeting.date'), type: 'date', value: today() },
    { name: 'chair', label: t('meeting.chair'), value: t('meeting.defaultChair') },
  ];
  const attend = h('fieldset', { class: 'field wide', 'data-field': 'agency_ids' },
    h('legend', {}, t('meeting.attendees')), h('span', { class: 'field-error' }),
    h('div', { class: 'checks' }, session.agencies.filter((a) => a.kind !== 'county').map((a) =>
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'agency', value: a.id, checked: true }), ` ${a.name}`))));
  const form = h('form', { class: 'form-grid', id: 'meeting-form', novalidate: true }, specs.map(field), attend,
    h('div', { class: 'actions wide' }, h('button', { class: 'button', type: 'submit', id: 'prepare-meeting' }, t('meeting.prepare'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { ...values(form, specs), agency_ids: [...form.querySelectorAll('input[name=agency]:checked')].map((c) => Number(c.value)) };
    try {
      const meeting = await api.post('/meetings', body);
      toast(t('meeting.prepared', { count: meeting.agenda.length }));
      go(`/meetings/${meeting.id}`);
    } catch (error) { showErrors(form, error); }
  });
  return h('details', { class: 'panel', open: true }, h('summary', {}, t('meeting.prepare')), form);
}

async function list(view, query) {
  const page = await api.get('/meetings', { offset: Number(query.get('offset') || 0) });
  const columns = [
    { label: t('meeting.date'), value: (m) => m.date },
    { label: t('meeting.titleField'), header: true, value: (m) => h('a', { href: href(`/meetings/${m.id}`) }, m.title) },
    { label: t('meeting.kind'), value: (m) => label('meetingKind', m.kind) },
    { label: t('meeting.chair'), value: (m) => m.chair },
    { label: t('field.status'), value: statusBadge },
  ];
  mount(view, pageHead(t('meeting.title')), session.countyWrites ? prepareForm() : null,
    table(columns, page.items, { id: 'meeting-table' }), pager(page));
}

function decisionForm(meeting, item, redraw) {
  const specs = [
    { name: 'text', label: t('meeting.decisionText'), type: 'textarea', value: item.decision?.text ?? '', wide: true },
    { name: 'agency_id', label: t('meeting.owner'), type: 'select', numeric: true, value: item.decision?.agency.id ?? '',
      options: session.agencies.map((a) => [a.id, a.name]), blank: '' },
    { name: 'due_date', label: t('meeting.due'), type: 'date', value: item.decision?.due_date ?? '' },
  ];
  const form = h('form', { class: 'form-grid decision-form', novalidate: true }, specs.map(field),
    h('div', { class: 'actions wide' }, h('button', { class: 'button small', type: 'submit' }, t('meeting.saveDecision'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.put(`/meetings/${meeting.id}/items/${item.id}/decision`, values(form, specs), item.decision ? item.version : undefined);
      toast(t('common.saved'));
      await redraw();
    } catch (error) { showErrors(form, error); }
  });
  return form;
}

function itemForm(meeting, redraw) {
  const specs = [
    { name: 'summary', label: t('meeting.summary'), wide: true },
    { name: 'type', label: t('meeting.subjectType'), type: 'select', options: 'subjectType', value: 'project' },
    { name: 'id', label: t('meeting.subjectId'), type: 'number', step: '1' },
  ];
  const form = h('form', { class: 'form-grid', id: 'item-form', novalidate: true }, specs.map(field),
    h('div', { class: 'actions wide' }, h('button', { class: 'button secondary', type: 'submit' }, t('meeting.addItem'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const v = values(form, specs);
    try {
      await api.post(`/meetings/${meeting.id}/items`, { summary: v.summary, subject: { type: v.type, id: v.id } });
      await redraw();
    } catch (error) { showErrors(form, error, { 'subject.id': 'id', 'subject.type': 'type' }); }
  });
  return h('details', { class: 'panel' }, h('summary', {}, t('meeting.addItem')), form);
}

async function detail(view, id, query) {
  const redraw = () => detail(view, id, query);
  // A task on the home links to one decision: ?item=<agenda item id>.
  const target = Number(query.get('item')) || null;
  const { data: meeting, version } = await api.versioned(`/meetings/${id}`);
  const open = meeting.status === 'open' && session.countyWrites;
  const columns = [
    { label: t('text.position'), value: (i) => i.position },
    { label: t('meeting.source'), value: (i) => badge(label('agendaSource', i.source), i.source === 'carried_over' ? 'warn' : 'info') },
    { label: t('field.name'), header: true, value: (i) => h('a', { href: href(`/projects/${i.subject.project_id}`) }, `${i.subject.code} ${i.subject.name}`) },
    { label: t('meeting.summary'), value: (i) => i.summary },
    {
      label: t('meeting.decision'),
      value: (i) => [
        i.decision ? h('div', {}, h('strong', {}, i.decision.text), h('div', { class: 'muted' },
          `${i.decision.agency.name} · ${t('meeting.due')} ${i.decision.due_date}`, i.decision.status ? [' · ', label('problemStatus', i.decision.status)] : null)) : null,
        open ? h('details', {}, h('summary', {}, i.decision ? t('meeting.changeDecision') : t('meeting.recordDecision')), decisionForm(meeting, i, redraw)) : null,
      ],
    },
  ];
  const close = async () => {
    try {
      await api.post(`/meetings/${id}/close`, undefined, { version });
      toast(t('meeting.closed'));
      await redraw();
    } catch (error) { toast(error.message); await redraw(); }
  };
  mount(view,
    pageHead(meeting.title, {
      crumbs: [[t('meeting.title'), href('/meetings')], [meeting.title]],
      sub: `${label('meetingKind', meeting.kind)} · ${meeting.date} · ${t('text.labelled', { label: t('meeting.chair'), value: meeting.chair })} · ${joinList(meeting.attendees.map((a) => a.name)) || '—'}`,
      actions: [
        statusBadge(meeting),
        h('button', { class: 'button secondary', type: 'button', id: 'download-minutes',
          onclick: () => api.download(`/meetings/${id}/minutes`, { format: 'docx' }) }, t('meeting.minutes')),
        open ? h('button', { class: 'button', type: 'button', id: 'close-meeting', onclick: close }, t('meeting.close')) : null,
      ],
    }),
    open ? itemForm(meeting, redraw) : null,
    table(columns, meeting.agenda, { id: 'agenda-table', caption: t('meeting.agenda', { count: meeting.agenda.length }),
      rowClass: (i) => (i.id === target ? 'is-target' : '') }));
  const row = view.querySelector('#agenda-table tr.is-target');
  if (row) {
    row.scrollIntoView({ block: 'center' });
    row.setAttribute('tabindex', '-1');
    row.setAttribute('data-autofocus', '');
    row.focus();
  }
}

export async function render(view, { params, query }) {
  if (params.id) await detail(view, params.id, query);
  else await list(view, query);
}
