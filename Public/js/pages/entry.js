// 月报填报: one month's reports for all of the agency's projects on one page. One row per
// project: last month's figure and the month's plan for reference, this month's investment,
// progress and problems; Tab/Enter move between cells; a row saves when the cursor leaves it
// and turns green, or red with the API's message and each field's error under its cell.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t } from '../i18n.js';
import { href, setQuery } from '../router.js';
import { session } from '../session.js';
import { money, monthTitle, addMonths, today, thisMonth, dateTime, readAmount, isUnusual } from '../format.js';
import { pageHead, stageBadge, reportStatusBadge } from '../components/ui.js';
import { field } from '../components/form.js';
import { importForm } from '../components/transfer.js';

const ACTIVE = new Set(['new_start', 'construction']);

/** The month a clerk is most likely entering: until the 5th, last month's; then this month's. */
function defaultMonth() {
  return Number(today().slice(8, 10)) <= 5 ? addMonths(thisMonth(), -1) : thisMonth();
}

async function planFor(projectIds, year, districtId) {
  if (!session.has('GET /plans') || !session.has('GET /projects/{id}/plans/{year}')) return new Map();
  const list = await api.all('/plans', { year, district_id: districtId });
  const wanted = list.filter((row) => projectIds.has(row.project.id));
  const plans = await Promise.all(wanted.map((row) => api.get(`/projects/${row.project.id}/plans/${year}`)));
  return new Map(wanted.map((row, i) => [row.project.id, plans[i]]));
}

function monthPlan(plan, month) {
  if (!plan) return null;
  const index = Number(month.slice(5)) - 1;
  const m = plan.months?.[index];
  return m?.plan ?? m?.planned ?? plan.monthly?.[index] ?? null;
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
  const rows = rowsData.map((data) => entryRow(data, month, hasPlans, () => recount()));
  recount();
  const tbody = h('tbody', {}, rows.map((r) => r.tr));
  const grid = h('table', { class: 'data entry', id: 'entry-grid', 'data-month': month },
    h('caption', { class: 'visually-hidden' }, t('entry.title', { month: monthTitle(month) })),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('entry.project')),
      h('th', { scope: 'col', class: 'num' }, `${t('entry.lastMonth')}（万元）`),
      hasPlans ? h('th', { scope: 'col', class: 'num' }, `${t('entry.planMonth')}（万元）`) : null,
      h('th', { scope: 'col' }, t('field.investment_completed')),
      h('th', { scope: 'col' }, t('field.progress')),
      h('th', { scope: 'col' }, t('field.problems')),
      h('th', { scope: 'col', class: 'num' }, `${t('entry.ytd')}（万元）`),
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
    toast(failed.length ? `${failed.length} 行未保存` : t('common.saved'));
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
      templatePath: '/imports/monthly-reports/template', templateQuery: { month }, templateName: `月报-${month}.xlsx`,
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

function entryRow(data, month, hasPlans, onSaved) {
  const { project } = data;
  let report = data.current;
  const locked = report?.status === 'approved' && !session.isCounty;
  const idBase = `r${project.id}`;
  const cellError = (name) => h('span', { class: 'cell-error', id: `${idBase}-${name}-error` });
  const labelled = (name) => ({ 'aria-label': `${project.name} ${t(`field.${name}`)}`, 'aria-describedby': `${idBase}-${name}-error` });
  const investment = h('input', {
    class: 'cell', type: 'text', inputmode: 'decimal', id: `${idBase}-investment`, name: 'investment_completed', disabled: locked,
    ...labelled('investment_completed'), autocomplete: 'off',
  });
  const text = (name) => h('textarea', { class: 'cell', id: `${idBase}-${name}`, name, disabled: locked, rows: 3, ...labelled(name) });
  const progress = text('progress');
  const problems = text('problems');
  const explanation = text('explanation');
  const explain = h('div', { class: 'explain', hidden: true },
    h('label', { for: explanation.id, class: 'explain-label' }, t('entry.explanation')), explanation, cellError('explanation'));
  const sameAsLast = data.last?.progress && !locked
    ? h('button', { class: 'button secondary small same-as-last', type: 'button', 'aria-label': `${project.name} ${t('entry.sameAsLast')}`,
      onclick: () => { progress.value = data.last.progress; progress.dispatchEvent(new Event('input', { bubbles: true })); progress.focus(); } },
    t('entry.sameAsLast'))
    : null;
  const showSaved = () => {
    investment.value = report ? money(report.investment_completed) : '';
    progress.value = report?.progress || '';
    problems.value = report?.problems || '';
    explanation.value = report?.explanation || '';
  };
  showSaved();
  const status = h('td', { class: 'row-status', 'aria-live': 'polite', 'data-label': t('entry.rowStatus') });
  const ytd = h('td', { class: 'num', 'data-label': `${t('entry.ytd')}（万元）` });
  const comment = h('p', { class: 'returned-comment' });
  const tr = h('tr', { id: `row-${project.id}`, 'data-project': project.id, 'data-code': project.code },
    h('th', { scope: 'row' },
      // Out of the Tab order, so that Tab goes from cell to cell.
      h('a', { href: href(`/projects/${project.id}`, { year: month.slice(0, 4) }), tabindex: '-1' }, project.name), h('br'),
      h('span', { class: 'ref' }, project.code), ' ', stageBadge(project.stage), comment),
    h('td', { class: 'num ref', 'data-label': `${t('entry.lastMonth')}（万元）` }, data.last ? money(data.last.investment_completed) : '—'),
    hasPlans ? h('td', { class: 'num ref', 'data-label': `${t('entry.planMonth')}（万元）` }, data.plan === null ? '—' : money(data.plan)) : null,
    h('td', { 'data-label': t('field.investment_completed') }, investment, cellError('investment_completed'), explain),
    h('td', { 'data-label': t('field.progress') }, progress, sameAsLast, cellError('progress')),
    h('td', { 'data-label': t('field.problems') }, problems, cellError('problems')),
    ytd,
    status);

  const typed = () => ({ investment: readAmount(investment.value), progress: progress.value, problems: problems.value, explanation: explanation.value.trim() });
  const isDirty = () => {
    const b = typed();
    const amountChanged = b.investment !== (report ? Number(report.investment_completed) : null);
    return !locked && (amountChanged || (report?.progress || '') !== b.progress || (report?.problems || '') !== b.problems
      || (report?.explanation || '') !== b.explanation);
  };
  const isReturned = () => report?.status === 'returned';
  const showStatus = (message, tone) => {
    tr.classList.toggle('is-returned', isReturned());
    comment.textContent = isReturned() && report.review_comment ? `${t('field.review_comment')}：${report.review_comment}` : '';
    mount(status,
      reportStatusBadge(report),
      locked ? h('span', { class: 'ref' }, t('entry.locked')) : null,
      message ? h('span', { class: tone === 'bad' ? 'cell-error' : 'ref' }, message) : null);
  };
  const updateYtd = () => {
    const amount = readAmount(investment.value);
    ytd.textContent = money(data.ytdBefore + (typeof amount === 'number' ? amount : 0));
  };
  // 情况说明 is asked for in the row when the figure is far from the month's plan, or when the
  // server asked for it.
  let asked = false;
  const updateExplain = () => {
    explain.hidden = !(asked || explanation.value.trim() || isUnusual(readAmount(investment.value), data.plan));
  };
  const clearCellErrors = () => {
    for (const el of tr.querySelectorAll('.cell-error[id]')) el.textContent = '';
    for (const el of tr.querySelectorAll('.cell')) el.removeAttribute('aria-invalid');
  };
  const restStatus = () => showStatus(report ? t('entry.submittedAt', { at: dateTime(report.submitted_at) }) : t('entry.unsaved'));

  let saving = null;
  const save = async () => {
    if (saving) return saving;
    if (!isDirty()) return null;
    const values = typed();
    const body = { investment_completed: values.investment, progress: values.progress, problems: values.problems, explanation: values.explanation };
    tr.classList.remove('is-saved', 'is-failed');
    showStatus(t('common.saving'));
    saving = (async () => {
      try {
        report = await api.put(`/projects/${project.id}/reports/${month}`, body, report?.version);
        clearCellErrors();
        showSaved();
        tr.classList.remove('is-dirty', 'is-failed');
        tr.classList.add('is-saved');
        showStatus(`${t('entry.saved')} ${dateTime(report.submitted_at || new Date().toISOString()).slice(11)}`);
        onSaved();
      } catch (error) {
        // The row is marked failed only once its message is on screen (a conflict re-reads first).
        tr.classList.remove('is-saved');
        clearCellErrors();
        if (error.status === 412 || error.status === 428) {
          // Someone else saved this month's report: take their version, keep what was typed,
          // and show their figures so the clerk can decide before saving again.
          const reports = await api.all(`/projects/${project.id}/reports`).catch(() => null);
          if (reports) report = reports.find((r) => r.month === month) || null;
          showStatus(`${t('entry.conflict')} ${t('entry.theirs', { amount: money(report?.investment_completed), progress: report?.progress || '—' })}`, 'bad');
        } else {
          for (const [name, message] of Object.entries(error.fields)) {
            if (name === 'explanation') { asked = true; updateExplain(); }
            const slot = tr.querySelector(`#${idBase}-${name}-error`);
            if (slot) slot.textContent = message;
            tr.querySelector(`[name="${name}"]`)?.setAttribute('aria-invalid', 'true');
          }
          showStatus(t('entry.failed', { message: error.message }), 'bad');
        }
        tr.classList.add('is-failed');
      } finally {
        saving = null;
      }
    })();
    return saving;
  };

  tr.addEventListener('input', () => {
    const dirty = isDirty();
    tr.classList.remove('is-saved');
    tr.classList.toggle('is-dirty', dirty);
    // Typing the saved figures back clears the row's error: there is nothing left to save.
    if (!dirty && tr.classList.contains('is-failed')) {
      tr.classList.remove('is-failed');
      clearCellErrors();
      restStatus();
    }
    updateYtd();
    updateExplain();
  });
  tr.addEventListener('focusout', (event) => {
    if (!tr.contains(event.relatedTarget)) save();
  });
  updateYtd();
  updateExplain();
  restStatus();
  return { tr, save, isDirty, isReturned, hasReport: () => Boolean(report) && !isReturned(), reportId: () => report?.id };
}
