// A project's monthly reports for one year as a 12-month grid, with the annual plan beside them
// (month plan, cumulative plan and actual, plan ratio) and a chart of plan against actual.
import { api } from '../api.js';
import { h, toast } from '../dom.js';
import { t } from '../i18n.js';
import { href } from '../router.js';
import { session } from '../session.js';
import { money, percent, percentAgainst, monthsOf, dateTime, monthTitle } from '../format.js';
import { table, badge, reportStatusBadge, dialog } from '../components/ui.js';
import { columnChart } from '../components/chart.js';
import { field, showErrors } from '../components/form.js';

/** The project's plan of the year, or null when it has none (asked of the list, so no 404). */
async function loadPlan(project, year) {
  const list = await api.get('/plans', { year, q: project.code, limit: 500 });
  if (!list.items.some((row) => row.project.id === project.id)) return null;
  return api.get(`/projects/${project.id}/plans/${year}`);
}

export async function reportsSection(project, year) {
  const [reports, plan] = await Promise.all([
    api.all(`/projects/${project.id}/reports`),
    loadPlan(project, year),
  ]);
  const byMonth = new Map(reports.map((r) => [r.month, r]));
  const months = monthsOf(year);
  const planMonths = new Map((plan?.months ?? []).map((m) => [m.month, m]));
  let cumulative = 0;
  const rows = months.map((month) => {
    const report = byMonth.get(month);
    cumulative += report ? Number(report.investment_completed) : 0;
    return { month, report, cumulative, plan: planMonths.get(month) ?? null };
  });
  const hasPlan = Boolean(plan);
  const columns = [
    { label: t('field.month'), header: true, class: 'nowrap-month', value: (r) => r.month },
    hasPlan ? { label: t('project.monthPlan'), num: true, value: (r) => money(r.plan.plan) } : null,
    { label: t('field.investment_completed'), num: true, value: (r) => (r.report ? money(r.report.investment_completed) : '—') },
    hasPlan ? { label: t('project.cumulativePlan'), num: true, value: (r) => money(r.plan?.cumulative_plan) } : null,
    { label: t('project.cumulativeActual'), num: true, value: (r) => money(r.plan?.cumulative_actual ?? r.cumulative) },
    hasPlan ? {
      label: t('project.ratioToDate'), num: true,
      value: (r) => {
        const counted = !plan.through_month || r.month <= plan.through_month;
        const ratio = counted && r.plan?.cumulative_plan > 0 ? (r.plan.cumulative_actual ?? r.cumulative) / r.plan.cumulative_plan : null;
        return ratio === null ? '—' : h('span', { class: ratio < 0.8 ? 'cell-behind' : '' }, percentAgainst(ratio, 0.8), ratio < 0.8 ? ` ▼ ${t('project.belowPlan')}` : '');
      },
    } : null,
    { label: t('field.progress'), value: (r) => r.report?.progress || '' },
    { label: t('field.problems'), value: (r) => r.report?.problems || '' },
    { label: t('field.status'), value: (r) => [reportStatusBadge(r.report), r.report?.review_comment ? h('div', { class: r.report.status === 'returned' ? 'cell-error' : 'muted' }, r.report.review_comment) : null] },
    { label: t('field.submitted_at'), value: (r) => (r.report ? dateTime(r.report.submitted_at) : '') },
    session.canEditProject(project) && session.entersReports ? {
      label: '',
      // An approved report is locked for districts and departments: nothing to change there.
      value: (r) => (r.report?.status === 'approved' && !session.isCounty ? ''
        : h('a', { class: 'no-print', href: href('/entry', { month: r.month, district_id: session.isCounty ? project.district_id : '', all: '1' }) }, t(r.report ? 'project.changeReport' : 'project.enterReport'))),
    } : null,
  ].filter(Boolean);

  const chart = hasPlan || reports.length ? columnChart(
    months.map((m) => String(Number(m.slice(5)))),
    [
      hasPlan ? { name: t('project.monthPlan'), className: 'plan', values: rows.map((r) => Number(r.plan.plan)) } : null,
      { name: t('field.investment_completed'), className: 'actual', values: rows.map((r) => (r.report ? Number(r.report.investment_completed) : null)) },
    ].filter(Boolean),
    { title: `${t('common.year', { year })}${t('project.planVsActual')}`, format: (v) => money(v).replace(/\.00$/, '') },
  ) : null;

  const canPlan = session.canEditProject(project);
  const summary = plan ? h('p', {},
    `${t('text.labelled', { label: t('field.annual_investment'), value: money(plan.annual_investment) })}${t('text.wideSpace')}${t('text.labelled', { label: t('project.ratioToDate'), value: percent(plan.ratio_to_date) })} `,
    plan.behind ? badge(t('project.behind'), 'bad') : null) : h('p', { class: 'muted' }, t('project.noPlan'));

  return h('section', { class: 'panel', id: 'reports', 'aria-labelledby': 'reports-title' },
    h('div', { class: 'page-head' },
      h('h2', { id: 'reports-title' }, `${t('common.year', { year })}${t('project.reports')}`),
      h('div', { class: 'actions' },
        h('a', { class: 'button secondary small', href: href(`/projects/${project.id}`, { year: year - 1 }) }, t('text.prevYear', { year: year - 1 })),
        h('a', { class: 'button secondary small', href: href(`/projects/${project.id}`, { year: year + 1 }) }, t('text.nextYear', { year: year + 1 })),
        canPlan ? h('button', { class: 'button secondary small', type: 'button', id: 'edit-plan', onclick: () => editPlan(project, year, plan) }, t('project.editPlan')) : null)),
    summary,
    chart ? h('div', { class: 'legend' },
      hasPlan ? h('span', {}, h('span', { class: 'swatch legend-plan' }), t('project.monthPlan')) : null,
      h('span', {}, h('span', { class: 'swatch legend-actual' }), t('field.investment_completed'))) : null,
    chart,
    table(columns, rows, { id: 'report-grid', short: true, tableClass: 'month-grid' }));
}

function editPlan(project, year, plan) {
  const months = monthsOf(year);
  dialog(t('text.labelled', { label: `${t('common.year', { year })}${t('project.plan')}`, value: project.name }), (close) => {
    const sum = h('p', { class: 'hint', 'aria-live': 'polite' });
    const form = h('form', { novalidate: true },
      field({ name: 'annual_investment', label: t('field.annual_investment'), type: 'number', value: plan?.annual_investment }),
      h('div', { class: 'form-grid' }, months.map((m, i) => field({ name: `m${i}`, label: t('text.inWan', { label: monthTitle(m) }), type: 'number', value: plan?.monthly[i] ?? '' }))),
      sum,
      h('div', { class: 'actions' }, h('button', { class: 'button', type: 'submit' }, t('common.save')),
        h('button', { class: 'button secondary', type: 'button', onclick: close }, t('common.cancel'))));
    const update = () => {
      const total = months.reduce((acc, _, i) => acc + (Number(form.elements[`m${i}`].value) || 0), 0);
      sum.textContent = t('project.planSum', { sum: money(total) });
    };
    form.addEventListener('input', update);
    update();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = {
        annual_investment: Number(form.elements.annual_investment.value),
        monthly: months.map((_, i) => Number(form.elements[`m${i}`].value) || 0),
      };
      try {
        await api.put(`/projects/${project.id}/plans/${year}`, body, plan?.version);
        toast(t('common.saved'));
        close();
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } catch (error) {
        if (error.fields) for (const key of Object.keys(error.fields)) {
          const m = /^monthly\[?(\d+)\]?/.exec(key) || /^monthly\.(\d+)/.exec(key);
          if (m) { error.fields[`m${m[1]}`] = error.fields[key]; delete error.fields[key]; }
        }
        showErrors(form, error);
      }
    });
    return form;
  });
}
