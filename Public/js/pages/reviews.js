// 待审核: reports waiting for the reviewer (county editors, the lead department's editors),
// oldest first, each with its context (CONSOLE.md): district, the month's plan, last month, the
// year's cumulative against plan and a flag when the figure deviates. Filters (status, month,
// district) live in the URL; checked rows are approved at once through POST /reviews/batch;
// returning offers ready-made comments.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t } from '../i18n.js';
import { href, setQuery } from '../router.js';
import { session } from '../session.js';
import { money, dateTime, percent } from '../format.js';
import { pageHead, table, pager, reportStatusBadge, dialog } from '../components/ui.js';
import { field, showErrors } from '../components/form.js';
import { downloads } from '../components/transfer.js';

/** Ready-made return comments (退回意见) a reviewer picks and may edit. */
const COMMENTS = [
  t('reviews.comment.ledger'),
  t('reviews.comment.plan'),
  t('reviews.comment.progress'),
  t('reviews.comment.problems'),
  t('reviews.comment.photos'),
];

export async function render(view, { query }) {
  const status = query.get('status') || 'submitted';
  const month = query.get('month') || '';
  const districtId = query.get('district_id') || '';
  const offset = Number(query.get('offset') || 0);
  const page = await api.get('/reviews', { status, month, district_id: districtId, limit: 50, offset });
  const districts = session.ofKind('district');
  const districtName = new Map(districts.map((d) => [d.id, d.name]));

  const filters = h('form', { class: 'filters', id: 'review-filters' },
    field({ name: 'status', label: t('field.status'), type: 'select', options: 'reportStatus', value: status }),
    field({ name: 'month', label: t('field.month'), type: 'month', value: month }),
    field({ name: 'district_id', label: t('entry.district'), type: 'select', value: districtId, blank: t('reviews.allDistricts'), options: districts.map((d) => [d.id, d.name]) }),
    h('button', { class: 'button secondary', type: 'submit' }, t('common.filter')));
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    setQuery({ status: filters.elements.status.value, month: filters.elements.month.value, district_id: filters.elements.district_id.value, offset: '' });
  });

  const decide = async (report, decision, comment) => {
    await api.post(`/projects/${report.project.id}/reports/${report.month}/review`, { decision, comment }, { version: report.version });
    toast(decision === 'approve' ? t('reviews.approved') : t('reviews.returned'));
    setQuery({});
  };
  const returnDialog = (report) => dialog(t('text.labelled', { label: t('reviews.return'), value: `${report.project.name} ${report.month}` }), (close) => {
    const form = h('form', { novalidate: true },
      h('fieldset', { class: 'ready-comments' }, h('legend', {}, t('reviews.readyComments')),
        COMMENTS.map((text) => h('button', {
          class: 'button secondary small', type: 'button', 'data-comment': text,
          onclick: () => { form.elements.comment.value = text; form.elements.comment.focus(); },
        }, text))),
      field({ name: 'comment', label: t('reviews.returnComment'), type: 'textarea', required: true }),
      h('div', { class: 'actions' }, h('button', { class: 'button danger', type: 'submit' }, t('reviews.return')),
        h('button', { class: 'button secondary', type: 'button', onclick: close }, t('common.cancel'))));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try { await decide(report, 'return', form.elements.comment.value.trim()); close(); } catch (error) { showErrors(form, error, { comment: t('reviews.returnComment') }); }
    });
    setTimeout(() => form.elements.comment.focus());
    return form;
  });

  const waiting = page.items.filter((r) => r.status === 'submitted');
  const checks = new Map();
  const batchButton = h('button', { class: 'button', type: 'button', id: 'batch-approve', disabled: true }, t('reviews.batchApprove', { count: 0 }));
  const recount = () => {
    const count = [...checks.values()].filter((box) => box.checked).length;
    batchButton.textContent = t('reviews.batchApprove', { count });
    batchButton.disabled = count === 0;
  };
  const selectAll = h('input', { type: 'checkbox', id: 'select-all', 'aria-label': t('reviews.selectAll'), disabled: waiting.length === 0 });
  selectAll.addEventListener('change', () => { for (const box of checks.values()) box.checked = selectAll.checked; recount(); });
  batchButton.addEventListener('click', async () => {
    const chosen = waiting.filter((r) => checks.get(r.id)?.checked);
    batchButton.disabled = true;
    try {
      const answer = await api.post('/reviews/batch', {
        decision: 'approve', items: chosen.map((r) => ({ project_id: r.project.id, month: r.month, version: r.version })),
      });
      const refused = answer.results.filter((r) => r.problem);
      const approved = answer.results.length - refused.length;
      toast(refused.length ? t('reviews.batchPartly', { approved, refused: refused.length }) : t('reviews.batchDone', { approved }));
      setQuery({});
    } catch (error) {
      toast(error.message);
      recount();
    }
  });

  // What the clerk wrote, each part under its label: one column, so that the queue fits a
  // 1366-pixel screen without sideways scrolling.
  const written = (r) => [['field.progress', r.progress], ['field.problems', r.problems], ['field.explanation', r.explanation]]
    .filter(([, text]) => text)
    .map(([key, text]) => h('p', {}, h('span', { class: 'report-text-label' }, t('text.labelled', { label: t(key), value: '' })), text));
  const deviation = (r) => (r.unusual
    ? h('span', { class: 'badge warn deviation' }, `⚠ ${t('reviews.deviates')}`)
    : '');
  const columns = [
    {
      label: selectAll,
      value: (r) => {
        if (r.status !== 'submitted') return '';
        const box = h('input', { type: 'checkbox', class: 'review-check', 'data-report': r.id, 'aria-label': `${t('reviews.select')} ${r.project.name} ${r.month}` });
        box.addEventListener('change', recount);
        checks.set(r.id, box);
        return box;
      },
    },
    { label: t('field.month'), value: (r) => h('span', { class: 'nowrap-month' }, r.month) },
    { label: t('field.name'), header: true, value: (r) => [h('a', { href: href(`/projects/${r.project.id}`) }, r.project.name), h('br'), h('span', { class: 'muted' }, r.project.code)] },
    { label: t('entry.district'), value: (r) => districtName.get(r.district_id) || '—' },
    { label: t('field.investment_completed'), num: true, value: (r) => [money(r.investment_completed), h('br'), deviation(r)] },
    { label: t('text.inWan', { label: t('entry.planMonth') }), num: true, value: (r) => money(r.month_plan) },
    { label: t('text.inWan', { label: t('entry.lastMonth') }), num: true, value: (r) => money(r.last_month) },
    {
      label: t('reviews.cumulative'), num: true,
      value: (r) => [`${money(r.cumulative_actual)} / ${money(r.cumulative_plan)}`, h('br'),
        h('span', { class: 'muted' }, r.cumulative_plan ? percent(r.cumulative_actual / r.cumulative_plan) : '—')],
    },
    { label: t('reviews.content'), value: (r) => { const parts = written(r); return parts.length ? h('div', { class: 'report-text' }, parts) : ''; } },
    {
      label: t('field.status'),
      value: (r) => [reportStatusBadge(r), h('div', { class: 'muted submitted-at' }, t('reviews.submittedAt', { time: dateTime(r.submitted_at) })),
        r.review_comment ? h('div', { class: 'cell-error' }, r.review_comment) : null],
    },
    {
      label: t('common.actions'),
      value: (r) => (r.status === 'submitted' ? h('span', { class: 'actions' },
        h('button', { class: 'button small', type: 'button', 'data-approve': r.id, 'aria-label': `${t('reviews.approve')} ${r.project.name} ${r.month}`, onclick: () => decide(r, 'approve').catch((e) => toast(e.message)) }, `✓ ${t('reviews.approve')}`),
        h('button', { class: 'button danger small', type: 'button', 'data-return': r.id, 'aria-label': `${t('reviews.return')} ${r.project.name} ${r.month}`, onclick: () => returnDialog(r) }, t('reviews.return'))) : ''),
    },
  ];
  mount(view,
    pageHead(t('reviews.title'), { actions: [downloads('/reviews', { status, month, district_id: districtId })] }),
    filters,
    waiting.length ? h('div', { class: 'batch-bar' }, batchButton) : null,
    pager(page),
    page.items.length ? table(columns, page.items, { id: 'review-table', tableClass: 'reviews-table', cards: false, rowClass: (r) => (r.unusual ? 'is-unusual' : '') }) : h('p', { class: 'notice ok' }, t('reviews.none')));
}
