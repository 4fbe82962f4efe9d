// 通报: the county drafts monthly and assessment bulletins from the data as of their cut-off,
// edits the lead (导语) and requirements (下一步工作要求), and issues them with the next number of
// the year; every agency reads the issued ones and downloads them as Word documents.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t, label } from '../i18n.js';
import { href, go } from '../router.js';
import { session } from '../session.js';
import { addMonths, thisMonth, dateTime, money, score } from '../format.js';
import { pageHead, pager, table, badge } from '../components/ui.js';
import { field, values, showErrors } from '../components/form.js';

const statusBadge = (b) => badge(label('bulletinStatus', b.status), b.status === 'issued' ? 'ok' : 'info');
const download = (b) => api.download(`/bulletins/${b.id}`, { format: 'docx' });

async function draftForm() {
  const runs = (await api.get('/assessments', { limit: 50 })).items.filter((r) => r.status === 'published');
  const specs = [
    { name: 'kind', label: t('bulletin.kind'), type: 'select', options: 'bulletinKind', value: 'monthly' },
    { name: 'month', label: t('bulletin.month'), type: 'month', value: addMonths(thisMonth(), -1) },
    { name: 'run_id', label: t('bulletin.run'), type: 'select', numeric: true, blank: '',
      options: runs.map((r) => [r.id, t('text.yearPeriod', { year: r.year, period: label('period', r.period) })]) },
  ];
  const form = h('form', { class: 'form-grid', id: 'bulletin-form', novalidate: true }, specs.map(field),
    h('div', { class: 'actions wide' }, h('button', { class: 'button', type: 'submit', id: 'draft-bulletin' }, t('bulletin.draft'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const v = values(form, specs);
    const body = v.kind === 'monthly' ? { kind: 'monthly', month: v.month } : { kind: 'assessment', run_id: v.run_id };
    try {
      const bulletin = await api.post('/bulletins', body);
      go(`/bulletins/${bulletin.id}`);
    } catch (error) { showErrors(form, error); }
  });
  return h('details', { class: 'panel', open: true }, h('summary', {}, t('bulletin.draft')), form);
}

async function list(view, query) {
  const page = await api.get('/bulletins', { offset: Number(query.get('offset') || 0) });
  const columns = [
    { label: t('bulletin.number'), value: (b) => b.number ?? '—' },
    { label: t('bulletin.titleField'), header: true, value: (b) => h('a', { href: href(`/bulletins/${b.id}`) }, b.title) },
    { label: t('bulletin.kind'), value: (b) => label('bulletinKind', b.kind) },
    { label: t('bulletin.cutOff'), value: (b) => b.cut_off },
    { label: t('field.status'), value: statusBadge },
    { label: t('bulletin.issuedAt'), value: (b) => dateTime(b.issued_at) },
  ];
  mount(view, pageHead(t('bulletin.title')), session.countyWrites ? await draftForm() : null,
    table(columns, page.items, { id: 'bulletin-table' }), pager(page));
}

// How a figure reads, by its column's code (the bulletin's columns are stable codes): money in
// 万元, the plan ratio already in percent, scores with two decimals, counts as they are.
const MONEY = new Set(['actual_to_date', 'plan_to_date', 'target']);
const SCORES = new Set(['score', 'deduction']);
const PERCENT = new Set(['ratio_to_date']);

function figure(code, value) {
  if (value === null || value === undefined) return '—';
  if (MONEY.has(code)) return money(value);
  if (PERCENT.has(code)) return `${Number(value).toFixed(1)}%`;
  if (SCORES.has(code)) return score(value);
  return String(value);
}

function figureTable(figures) {
  return figures.tables.map((tbl) => h('section', { class: 'figure-table' },
    h('h2', {}, tbl.title),
    table(tbl.columns.map((c) => ({ label: c.label, num: tbl.rows.some((r) => typeof r[c.code] === 'number'), value: (r) => figure(c.code, r[c.code]) })), tbl.rows,
      { id: `figures-${tbl.code}` })));
}

async function detail(view, id) {
  const redraw = () => detail(view, id);
  const { data: bulletin, version } = await api.versioned(`/bulletins/${id}`);
  const draft = bulletin.status === 'draft' && session.countyWrites;
  const specs = [
    { name: 'lead_text', label: t('bulletin.lead'), type: 'textarea', rows: 4, wide: true, value: bulletin.lead_text },
    { name: 'requirements_text', label: t('bulletin.requirements'), type: 'textarea', rows: 4, wide: true, value: bulletin.requirements_text },
  ];
  let text;
  if (draft) {
    text = h('form', { class: 'form-grid', id: 'bulletin-text', novalidate: true }, specs.map(field),
      h('div', { class: 'actions wide' }, h('button', { class: 'button secondary', type: 'submit' }, t('common.save'))));
    text.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.patch(`/bulletins/${id}`, values(text, specs), version);
        toast(t('common.saved'));
        await redraw();
      } catch (error) { showErrors(text, error); }
    });
  } else {
    text = h('div', { class: 'bulletin-text' },
      h('h2', {}, t('bulletin.lead')), h('p', {}, bulletin.lead_text),
      h('h2', {}, t('bulletin.requirements')), h('p', {}, bulletin.requirements_text));
  }
  const issue = async () => {
    try {
      const issued = await api.post(`/bulletins/${id}/issue`, undefined, { version });
      toast(t('bulletin.issued', { number: issued.number }));
      await redraw();
    } catch (error) { toast(error.message); await redraw(); }
  };
  mount(view,
    pageHead(bulletin.title, {
      crumbs: [[t('bulletin.title'), href('/bulletins')], [bulletin.number ?? t('bulletinStatus.draft')]],
      sub: `${label('bulletinKind', bulletin.kind)} · ${t('bulletin.cutOff')} ${bulletin.cut_off}${bulletin.number ? ` · ${bulletin.number}` : ''}`,
      actions: [
        statusBadge(bulletin),
        h('button', { class: 'button secondary', type: 'button', id: 'download-bulletin', onclick: () => download(bulletin) }, t('bulletin.download')),
        draft ? h('button', { class: 'button', type: 'button', id: 'issue-bulletin', onclick: issue }, t('bulletin.issue')) : null,
      ],
    }),
    text, figureTable(bulletin.figures));
}

export async function render(view, { params, query }) {
  if (params.id) await detail(view, params.id);
  else await list(view, query);
}
