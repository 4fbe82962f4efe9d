// 首页: what the agency must look at today — its projects and this year's investment, this
// month's reports still missing, targets against actuals, warnings, unread messages.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { t, label } from '../i18n.js';
import { href } from '../router.js';
import { session } from '../session.js';
import { money, percent, thisYear, monthTitle, addMonths, thisMonth, today, dateTime, number } from '../format.js';
import { pageHead, card, table, badge, meter, pager } from '../components/ui.js';
import { notificationList } from './notifications.js';

const INDICATORS = ['fai', 'major_investment', 'new_starts', 'completions', 'attraction_funds'];
const COUNTS = new Set(['new_starts', 'completions']);

/** The latest published run of the year, for targets against actuals; null when none. */
async function latestRanking(year) {
  const runs = (await api.all('/assessments', { year })).filter((r) => r.status === 'published');
  if (!runs.length) return null;
  const order = ['Q1', 'Q2', 'Q3', 'Q4', 'year'];
  const run = runs.sort((a, b) => order.indexOf(b.period) - order.indexOf(a.period) || b.id - a.id)[0];
  return api.get('/rankings', { year, period: run.period });
}

/** Returned reports of the last twelve months, newest month first (a task in any month). */
async function returnedReports() {
  const months = Array.from({ length: 12 }, (_, i) => addMonths(thisMonth(), -i));
  const lists = await Promise.all(months.map((m) => api.all('/reports', { month: m, status: 'returned' })));
  return lists.flat();
}

/**
 * Coordination-meeting decisions (决定事项) assigned to the caller's agency, past their due date
 * and not resolved, oldest due first: each is a task, linked to its item in the meeting. The
 * county makes the decisions, so its home leaves them to the agencies that carry them out.
 */
async function overdueDecisions() {
  if (session.isCounty) return [];
  const meetings = await Promise.all((await api.all('/meetings')).map((m) => api.get(`/meetings/${m.id}`)));
  return meetings.flatMap((meeting) => meeting.agenda
    .filter((item) => item.decision?.agency?.id === session.agencyId && item.decision.status !== 'resolved' && item.decision.due_date < today())
    .map((item) => ({ meeting, item })))
    .sort((a, b) => a.item.decision.due_date.localeCompare(b.item.decision.due_date));
}

/** A page of 50 of `rows`, `offset` from the URL (CONSOLE.md: long lists page at 50). */
function pageOf(rows, offset) {
  return { items: rows.slice(offset, offset + 50), total: rows.length, limit: 50, offset };
}

export async function render(view, { query }) {
  const year = thisYear();
  const me = session.me;
  const [projects, major, warnings, targets, ranking, reviews] = await Promise.all([
    api.get('/projects', { limit: 1 }),
    api.get('/projects', { major: 'true', limit: 1 }),
    api.get('/warnings', { year }),
    session.isCounty ? Promise.resolve(null) : api.get(`/targets/${year}/${session.agencyId}`).catch(() => null),
    latestRanking(year),
    session.reviews ? api.get('/reviews', { status: 'submitted', limit: 1 }) : Promise.resolve(null),
  ]);
  const month = warnings.month || addMonths(thisMonth(), -1);
  const missing = warnings.projects.filter((w) => w.reason === 'no_report');
  // Returned reports count as not reported for the rankings: the clerk must see them here.
  const [returned, decisions] = await Promise.all([returnedReports(), overdueDecisions()]);
  const otherWarnings = warnings.projects.filter((w) => w.reason !== 'no_report');

  const cards = h('div', { class: 'cards' },
    card(t('home.projects'), number(projects.total)),
    card(t('home.majorProjects'), number(major.total)),
    card(t('home.warnings'), number(warnings.indicators.length + otherWarnings.length), warnings.indicators.length + otherWarnings.length ? 'warn' : 'ok'),
    card(`${monthTitle(month)}${t('home.reportsMissing')}`, number(missing.length), missing.length ? 'bad' : 'ok'),
    reviews ? card(t('nav.reviews'), h('a', { href: href('/reviews') }, number(reviews.total)), reviews.total ? 'warn' : 'ok') : null);

  const entryLink = session.entersReports ? h('p', {}, h('a', { class: 'button', href: href('/entry', { month: thisMonth() }), id: 'go-entry' }, t('home.goEntry', { month: monthTitle(thisMonth()) }))) : null;

  const reportPanel = h('section', { class: 'panel', 'aria-labelledby': 'reports-due' },
    h('h2', { id: 'reports-due' }, t('home.reports', { month: monthTitle(month) })),
    missing.length ? table([
      { label: t('field.code'), value: (w) => w.project.code },
      { label: t('field.name'), header: true, value: (w) => h('a', { href: href(`/projects/${w.project.id}`) }, w.project.name) },
      { label: t('field.district_id'), value: (w) => session.agencyName(w.district_id) },
      { label: t('field.status'), value: () => badge(t('text.note', { text: t('warning.no_report'), note: t('home.reportsLate') }), 'bad') },
    ], missing, { short: true }) : returned.length ? null : h('p', { class: 'notice ok' }, `✓ ${t('home.allReported', { month: monthTitle(month) })}`),
    returned.length ? [
      h('h3', { id: 'reports-returned' }, t('home.returnedAll', { count: returned.length })),
      table([
        { label: t('field.month'), value: (r) => r.month },
        { label: t('field.code'), value: (r) => r.project.code },
        { label: t('field.name'), header: true, value: (r) => h('a', { href: href(`/projects/${r.project.id}`) }, r.project.name) },
        { label: t('field.review_comment'), value: (r) => r.review_comment || '—' },
        session.entersReports ? {
          label: t('common.actions'),
          value: (r) => h('a', { class: 'fix-returned', href: href('/entry', { month: r.month, report: r.id }), 'aria-label': t('text.labelled', { label: t('home.fixReturned'), value: `${r.project.name} ${r.month}` }) }, t('home.fixReturned')),
        } : null,
      ].filter(Boolean), returned, { short: true, tableClass: 'returned-table' }),
    ] : null,
    decisions.length ? [
      h('h3', { id: 'decisions-overdue' }, t('home.decisionsOverdue', { count: decisions.length })),
      table([
        { label: t('meeting.due'), class: 'nowrap', value: ({ item }) => badge(`${item.decision.due_date} ${t('home.overdue')}`, 'bad') },
        { label: t('meeting.decision'), header: true, value: ({ item }) => item.decision.text },
        { label: t('field.name'), value: ({ item }) => h('a', { href: href(`/projects/${item.subject.project_id}`) }, item.subject.name) },
        { label: t('meeting.title'), value: ({ meeting, item }) => h('a', { class: 'go-decision', href: href(`/meetings/${meeting.id}`, { item: item.id }),
          'aria-label': t('text.labelled', { label: t('home.goDecision'), value: `${meeting.title} ${item.subject.name}` }) }, meeting.title) },
      ], decisions, { short: true, tableClass: 'decisions-table' }),
    ] : null,
    entryLink);

  const agencyTargets = ranking ? [...ranking.groups.district, ...ranking.groups.department].find((e) => e.agency.id === session.agencyId) : null;
  const targetRows = INDICATORS.map((code) => {
    const fromRun = agencyTargets?.indicators.find((i) => i.code === code);
    return { code, annual: targets?.[code] ?? null, actual: fromRun?.actual ?? null, ratio: fromRun && targets?.[code] ? fromRun.actual / targets[code] : null };
  }).filter((r) => r.annual !== null);
  const fmt = (code, v) => (v === null ? '—' : COUNTS.has(code) ? number(v) : money(v));
  const targetPanel = session.isCounty ? null : h('section', { class: 'panel', 'aria-labelledby': 'targets-title' },
    h('h2', { id: 'targets-title' }, t('home.targets', { year })),
    targetRows.length ? [
      table([
        { label: t('home.indicator'), header: true, value: (r) => label('indicator', r.code) },
        { label: t('home.annualTarget', { target: t('common.target') }), num: true, value: (r) => fmt(r.code, r.annual) },
        { label: ranking ? t('home.actualTo', { period: label('period', ranking.period) }) : t('common.actual'), num: true, value: (r) => fmt(r.code, r.actual) },
        { label: t('common.ratio'), value: (r) => (r.ratio === null ? '—' : meter(r.ratio, { tone: r.ratio >= 1 ? 'ok' : 'warn', title: label('indicator', r.code) })) },
      ], targetRows, { short: true }),
      ranking ? null : h('p', { class: 'muted' }, t('home.resultsAfterPublish')),
    ] : h('p', { class: 'muted' }, t('home.noTargets')));

  const indicatorWarnings = warnings.indicators;
  const warningOffset = Math.max(0, Number(query?.get('offset')) || 0);
  const warningPanel = h('section', { class: 'panel', 'aria-labelledby': 'warnings-title' },
    h('h2', { id: 'warnings-title' }, t('home.warnings')),
    indicatorWarnings.length || otherWarnings.length ? [
      indicatorWarnings.length ? table([
        { label: t('ranking.agency'), header: true, value: (w) => w.agency.name },
        { label: t('home.indicator'), value: (w) => label('indicator', w.code) },
        { label: t('home.targetToDate'), num: true, value: (w) => fmt(w.code, w.target) },
        { label: t('common.actual'), num: true, value: (w) => fmt(w.code, w.actual) },
        { label: t('common.ratio'), num: true, value: (w) => h('span', { class: 'cell-behind' }, percent(w.ratio)) },
        { label: '', value: () => badge(t('ranking.behind'), 'warn') },
      ], indicatorWarnings, { short: true, caption: t('home.indicatorsBehind') }) : null,
      otherWarnings.length ? [pager(pageOf(otherWarnings, warningOffset)), table([
        { label: t('field.name'), header: true, value: (w) => h('a', { href: href(`/projects/${w.project.id}`) }, w.project.name) },
        { label: t('text.warning'), value: (w) => badge(label('warning', w.reason), 'warn') },
        { label: t('text.explanation'), value: (w) => [w.planned_start ? `${t('field.planned_start')} ${w.planned_start}` : '', w.month ? ` ${w.month}` : ''] },
      ], pageOf(otherWarnings, warningOffset).items, { short: true, caption: t('home.projectWarnings') })] : null,
    ] : h('p', { class: 'muted' }, t('home.noWarnings')));

  const notices = await notificationList({ unread: true, limit: 10, compact: true });

  mount(view,
    pageHead(t('home.title', { agency: me.agency.name }), { sub: `${session.whoami(label('role', me.role))} · ${dateTime(new Date().toISOString()).slice(0, 10)}` }),
    cards,
    h('div', { class: 'columns' }, reportPanel, notices ? h('section', { class: 'panel', 'aria-labelledby': 'notices-title' }, h('h2', { id: 'notices-title' }, t('home.notifications')), notices) : targetPanel),
    notices ? targetPanel : null,
    warningPanel);
}
