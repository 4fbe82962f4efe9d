// 待审核: reports waiting for the reviewer (county editors, the lead department's editors),
// oldest first; approve, or return with a comment that says what to fix.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t } from '../i18n.js';
import { href, setQuery } from '../router.js';
import { money, dateTime } from '../format.js';
import { pageHead, table, pager, reportStatusBadge, dialog } from '../components/ui.js';
import { field, showErrors } from '../components/form.js';
import { downloads } from '../components/transfer.js';

export async function render(view, { query }) {
  const status = query.get('status') || 'submitted';
  const month = query.get('month') || '';
  const offset = Number(query.get('offset') || 0);
  const page = await api.get('/reviews', { status, month, limit: 50, offset });

  const filters = h('form', { class: 'filters', id: 'review-filters' },
    field({ name: 'status', label: t('field.status'), type: 'select', options: 'reportStatus', value: status }),
    field({ name: 'month', label: t('field.month'), type: 'month', value: month }),
    h('button', { class: 'button secondary', type: 'submit' }, t('common.filter')));
  filters.addEventListener('submit', (e) => { e.preventDefault(); setQuery({ status: filters.elements.status.value, month: filters.elements.month.value, offset: '' }); });

  const decide = async (report, decision, comment) => {
    await api.post(`/projects/${report.project.id}/reports/${report.month}/review`, { decision, comment }, { version: report.version });
    toast(decision === 'approve' ? t('reviews.approved') : t('reviews.returned'));
    setQuery({});
  };
  const returnDialog = (report) => dialog(`${t('reviews.return')}：${report.project.name} ${report.month}`, (close) => {
    const form = h('form', { novalidate: true },
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

  const columns = [
    { label: t('field.month'), value: (r) => r.month },
    { label: t('field.name'), header: true, value: (r) => [h('a', { href: href(`/projects/${r.project.id}`) }, r.project.name), h('br'), h('span', { class: 'muted' }, r.project.code)] },
    { label: t('field.investment_completed'), num: true, value: (r) => money(r.investment_completed) },
    { label: t('field.progress'), value: (r) => r.progress },
    { label: t('field.problems'), value: (r) => r.problems },
    { label: t('field.submitted_at'), value: (r) => dateTime(r.submitted_at) },
    { label: t('field.status'), value: (r) => [reportStatusBadge(r), r.review_comment ? h('div', { class: 'cell-error' }, r.review_comment) : null] },
    {
      label: '',
      value: (r) => (r.status === 'submitted' ? h('span', { class: 'actions' },
        h('button', { class: 'button small', type: 'button', 'data-approve': r.id, onclick: () => decide(r, 'approve').catch((e) => toast(e.message)) }, `✓ ${t('reviews.approve')}`),
        h('button', { class: 'button danger small', type: 'button', 'data-return': r.id, onclick: () => returnDialog(r) }, t('reviews.return'))) : ''),
    },
  ];
  mount(view,
    pageHead(t('reviews.title'), { actions: [downloads('/reviews', { status, month }, '待审核月报')] }),
    filters,
    pager(page),
    page.items.length ? table(columns, page.items, { id: 'review-table' }) : h('p', { class: 'notice ok' }, t('reviews.none')));
}
