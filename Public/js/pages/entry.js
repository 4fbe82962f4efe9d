// 月报填报: one month's reports for all of the agency's projects on one page. One row per
// project (components/entry-row.js): last month's figure and the month's plan for reference,
// this month's investment, progress and problems; Tab/Enter move between cells; a row saves when
// the cursor leaves it and turns green, or red with the API's message under its cells.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t } from '../i18n.js';
import { setQuery } from '../router.js';
import { session } from '../session.js';
import { monthTitle, addMonths, today, thisMonth } from '../format.js';
import { pageHead } from '../components/ui.js';
import { EntryRow } from '../components/entry-row.js';
import { field } from '../components/form.js';
import { importForm } from '../components/transfer.js';

const ACTIVE = new Set(['new_start', 'construction']);

/** The month a clerk is most likely entering: until the 5th, last month's; then this month's. */
function defaultMonth() {
  return Number(today().slice(8, 10)) <= 5 ? addMonths(thisMonth(), -1) : thisMonth();
}

async function planFor(projectIds, year, districtId) {
  const list = await api.all('/plans', { year, district_id: districtId });
  const wanted = list.filter((row) => projectIds.has(row.project.id));
  const plans = await Promise.all(wanted.map((row) => api.get(`/projects/${row.project.id}/plans/${year}`)));
  return new Map(wanted.map((row, i) => [row.project.id, plans[i]]));
}

/** The month's planned investment of a project's plan (null without a plan). */
function monthPlan(plan, month) {
  return plan ? plan.months[Number(month.slice(5)) - 1].plan : null;
}

export async function render(view, { query }) {
  const month = /^\d{4}-\d{2}$/.test(query.get('month') || '') ? query.get('month') : defaultMonth();
  const year = Number(month.slice(0, 4));
  const previous = addMonths(month, -1);
  const districts = session.ofKind('district');
  const districtId = session.isDistrict ? session.agencyId : Number(query.get('district_id')) || districts[0]?.id;
  const showAll = query.get('all') === '1';

  const projects = await api.all('/projects', { district_id: districtId });
  const [reportLists, plans] = await Promise.all([
    Promise.all(projects.map((p) => api.all(`/projects/${p.id}/reports`))),
    planFor(new Set(projects.map((p) => p.id)), year, districtId),
  ]);
  const hasPlans = plans.size > 0;
  const rowsData = projects.map((project, i) => {
    const reports = reportLists[i];
    const current = reports.find((r) => r.month === month) || null;
    const last = reports.find((r) => r.month === previous) || null;
    const ytdBefore = reports.filter((r) => r.month.startsWith(`${year}-`) && r.month < month).reduce((a, r) => a + Number(r.investment_completed), 0);
    const completedThisYear = project.actual_completion && project.actual_completion.slice(0, 7) >= month;
    const shown = showAll || ACTIVE.has(project.stage) || current || completedThisYear;
    return { project, current, last, ytdBefore, plan: monthPlan(plans.get(project.id), month), shown };
  }).filter((r) => r.shown)
    // Returned reports first: they are the clerk's first task (CONSOLE.md).
    .sort((a, b) => Number(b.current?.status === 'returned') - Number(a.current?.status === 'returned'));

  const monthForm = h('form', { class: 'filters no-print', id: 'entry-filters' },
    field({ name: 'month', label: t('entry.month'), type: 'month', value: month }),
    session.isCounty ? field({ name: 'district_id', label: t('entry.district'), type: 'select', value: districtId, options: districts.map((d) => [d.id, d.name]) }) : null,
    h('div', { class: 'field checkbox' }, h('input', { type: 'checkbox', id: 'show-all', name: 'all', checked: showAll }), h('label', { for: 'show-all' }, t('entry.showAll'))),
    h('button', { class: 'button secondary', type: 'submit' }, t('common.filter')));
  monthForm.addEventListener('submit', (event) => {
    event.preventDefault();
    setQuery({ month: monthForm.elements.month.value, district_id: monthForm.elements.district_id?.value || '', all: monthForm.elements.all.checked ? '1' : '' });
  });
  monthForm.elements.month.addEventListener('change', () => monthForm.requestSubmit());

  const summary = h('p', { id: 'entry-summary', 'aria-live': 'polite' });
  const recount = () => {
    // A returned report is never counted as reported.
    const done = rows.filter((r) => r.hasReport()).length;
    const returned = rows.filter((r) => r.isReturned()).length;
    summary.textContent = t('entry.summary', { count: rows.length, done, missing: rows.length - done })
      + (returned ? t('entry.summaryReturned', { returned }) : '');
  };
  const rows = rowsData.map((data) => new EntryRow(data, month, { hasPlans, onSaved: () => recount() }));
  recount();
  const tbody = h('tbody', {}, rows.map((r) => r.tr));
  const grid = h('table', { class: 'data entry', id: 'entry-grid', 'data-month': month },
    h('caption', { class: 'visually-hidden' }, t('entry.title', { month: monthTitle(month) })),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('entry.project')),
      h('th', { scope: 'col', class: 'num' }, t('text.inWan', { label: t('entry.lastMonth') })),
      hasPlans ? h('th', { scope: 'col', class: 'num' }, t('text.inWan', { label: t('entry.planMonth') })) : null,
      h('th', { scope: 'col' }, t('field.investment_completed')),
      h('th', { scope: 'col' }, t('field.progress')),
      h('th', { scope: 'col' }, t('field.problems')),
      h('th', { scope: 'col', class: 'num' }, t('text.inWan', { label: t('entry.ytd') })),
      h('th', { scope: 'col' }, t('entry.rowStatus')))),
    tbody);

  // Enter moves to the next cell (Shift+Enter keeps a new line in text); arrows move up and down
  // in the investment column.
  grid.addEventListener('keydown', (event) => {
    const cell = event.target.closest('.cell');
    if (!cell) return;
    // Hidden cells (情况说明 not asked for) are skipped.
    const cells = [...grid.querySelectorAll('.cell:not([disabled])')].filter((c) => c.offsetParent !== null);
    const index = cells.indexOf(cell);
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      (cells[index + 1] || grid.closest('.page').querySelector('#save-all'))?.focus();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && cell.tagName === 'INPUT') {
      event.preventDefault();
      const column = [...grid.querySelectorAll('input.cell:not([disabled])')];
      column[column.indexOf(cell) + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  });

  const saveAll = async () => {
    const dirty = rows.filter((r) => r.isDirty());
    for (const r of dirty) await r.save();
    const failed = rows.filter((r) => r.tr.classList.contains('is-failed'));
    toast(failed.length ? t('entry.unsavedRows', { count: failed.length }) : t('common.saved'));
    failed[0]?.tr.querySelector('[aria-invalid="true"], .cell')?.focus();
  };

  mount(view,
    pageHead(t('entry.title', { month: monthTitle(month) }), {
      sub: t('entry.intro'),
      actions: [h('button', { class: 'button', type: 'button', id: 'save-all', onclick: saveAll }, t('entry.saveAll'))],
    }),
    monthForm,
    summary,
    rowsData.length ? h('div', { class: 'table-wrap' }, grid) : h('p', { class: 'empty' }, t('entry.none')),
    importForm('/imports/monthly-reports', { month }, {
      templatePath: '/imports/monthly-reports/template', templateQuery: { month },
      onDone: () => setQuery({}),
    }));
  // A message or the home's task list links straight to a row (?row=<project> or ?report=<id>).
  const target = rows.find((r) => String(r.tr.dataset.project) === query.get('row') || (query.get('report') && r.reportId() === Number(query.get('report'))));
  if (target) {
    target.tr.classList.add('is-target');
    target.tr.scrollIntoView({ block: 'center' });
    target.tr.querySelector('.cell:not([disabled])')?.setAttribute('data-autofocus', '');
    target.tr.querySelector('.cell:not([disabled])')?.focus();
  }
  const guard = (event) => {
    if (!document.body.contains(grid)) window.removeEventListener('beforeunload', guard);
    else if (rows.some((r) => r.isDirty())) event.preventDefault();
  };
  window.addEventListener('beforeunload', guard);
}
