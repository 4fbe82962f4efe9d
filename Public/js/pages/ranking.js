// 考核排名: the published ranking of a year and period for both groups, as the leading group reads
// and prints it: title, table of scores with each indicator's ratio and points, a bar chart with
// the top three (通报表扬) and the accountable (问责) marked, each agency's figures on click, and
// the quarter-by-quarter trend. The print stylesheet puts each group on one A4 landscape page.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { t, label, joinList } from '../i18n.js';
import { setQuery } from '../router.js';
import { score, percent, money, number, thisYear, dateTime } from '../format.js';
import { site } from '../site.js';
import { pageHead } from '../components/ui.js';
import { barChart, lineChart } from '../components/chart.js';
import { field } from '../components/form.js';
import { downloads } from '../components/transfer.js';

const INDICATORS = ['fai', 'major_investment', 'new_starts', 'completions', 'attraction_funds'];
/** Indicators counted in projects, not 万元. */
const COUNTS = new Set(['new_starts', 'completions']);
const amount = (code, v) => (v === null || v === undefined ? '—' : COUNTS.has(code) ? number(v) : money(v));
const PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'year'];

async function publishedRuns(year) {
  const runs = await api.all('/assessments', { year });
  return runs.filter((r) => r.status === 'published');
}

function boardTitle(year, period, group, provisional) {
  const groupName = t(`ranking.group.${group}`);
  const title = period === 'year' ? t('ranking.titleYear', { year, group: groupName })
    : t('ranking.title', { year, period: label('period', period), group: groupName });
  return provisional ? t('text.note', { text: title, note: t('ranking.provisional') }) : title;
}

function marks(entry, period) {
  const out = [];
  if (entry.rank === null) out.push(['muted', t('ranking.unranked')]);
  if (entry.commended) out.push(['ok', t('ranking.commended')]);
  else if (period !== 'year' && entry.rank !== null && entry.rank <= 3) out.push(['ok', t('ranking.topThree')]);
  if (entry.accountable) out.push(['bad', t('ranking.accountable')]);
  if (entry.behind?.length) out.push(['warn', t('ranking.behind')]);
  if (entry.provisional) out.push(['info', t('ranking.provisional')]);
  return out;
}

/** How a period's target came from the annual one: annual × the quarter's cumulative share. */
function derivation(code, target, period, scheme) {
  const index = PERIODS.indexOf(period);
  const share = period === 'year' ? 1 : scheme?.quarter_shares?.[index];
  if (target === null || target === undefined || !share) return '—';
  if (period === 'year') return t('ranking.annualTarget');
  return t('ranking.derived', { annual: amount(code, target / share), share: percent(share), target: amount(code, target) });
}

function details(entry, period, scheme) {
  const cell = (key, attrs, value) => h('td', { ...attrs, 'data-label': t(key) }, value);
  const rows = entry.indicators.map((i) => h('tr', {},
    h('th', { scope: 'row' }, label('indicator', i.code)),
    cell('ranking.weight', { class: 'num' }, scheme?.weights?.[i.code] ?? '—'),
    cell('ranking.unit', {}, COUNTS.has(i.code) ? t('ranking.unitCount') : t('ranking.unitMoney')),
    cell('ranking.periodTarget', { class: 'num' }, amount(i.code, i.target)),
    cell('ranking.targetFrom', { class: 'derivation' }, derivation(i.code, i.target, period, scheme)),
    cell('common.actual', { class: 'num' }, amount(i.code, i.actual)),
    cell('common.ratio', { class: 'num' }, percent(i.ratio)),
    cell('common.points', { class: 'num' }, score(i.points))));
  const missed = [...(entry.missed || []), ...(entry.behind || [])];
  return h('div', { class: 'panel' },
    h('h3', {}, t('ranking.indicators', { agency: entry.agency.name })),
    h('div', { class: 'table-wrap short' }, h('table', { class: 'data cards-on-phone', id: 'indicator-details' },
      h('thead', {}, h('tr', {}, [t('text.indicator'), t('ranking.weight'), t('ranking.unit'), t('ranking.periodTarget'), t('ranking.targetFrom'), t('common.actual'), t('common.ratio'), t('common.points')].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows),
      h('tfoot', {}, h('tr', {}, h('td', {}, t('ranking.score')), h('td'), h('td'), h('td'), h('td'), h('td'), h('td', { class: 'num' }, entry.deduction ? `${t('ranking.deduction')} ${score(entry.deduction)}` : ''), h('td', { class: 'num' }, score(entry.score)))))),
    missed.length ? h('p', { class: 'cell-error' }, t('ranking.missed', { list: joinList(missed.map((c) => label('indicator', c))) })) : null,
    period === 'year' && entry.quarter_scores ? h('p', {}, `${t('ranking.yearScore')} ${score(entry.year_score)}${t('text.clauseSeparator')}`,
      entry.quarter_scores.map((q, i) => `${label('period', PERIODS[i])} ${score(q)}`).join(t('text.commaSeparator'))) : null);
}

function boardTable(entries, period, onPick) {
  const head1 = h('tr', {},
    h('th', { scope: 'col', rowspan: 2 }, t('ranking.rank')),
    h('th', { scope: 'col', rowspan: 2 }, t('ranking.agency')),
    h('th', { scope: 'col', rowspan: 2 }, t('ranking.score')),
    INDICATORS.map((c) => h('th', { scope: 'colgroup', colspan: 2, class: 'ind' }, t(`indicatorShort.${c}`))),
    h('th', { scope: 'col', rowspan: 2, class: 'ind' }, t('ranking.deduction')),
    h('th', { scope: 'col', rowspan: 2 }, t('text.mark')));
  const head2 = h('tr', { class: 'ind' }, INDICATORS.map(() => [h('th', { scope: 'col', class: 'ind' }, t('common.ratio')), h('th', { scope: 'col', class: 'ind' }, t('common.points'))]));
  const body = entries.map((e) => {
    const byCode = new Map(e.indicators.map((i) => [i.code, i]));
    const tr = h('tr', {
      class: ['is-clickable', e.commended ? 'commended' : '', e.accountable ? 'accountable' : ''], tabindex: '0',
      'data-agency': e.agency.code, 'data-rank': e.rank ?? '', 'aria-label': `${e.agency.name} ${t('common.details')}`,
    },
      h('td', {}, e.rank ?? '—'),
      h('th', { scope: 'row' }, e.agency.name),
      h('td', { class: 'score' }, score(e.score)),
      INDICATORS.map((c) => {
        // The indicator that puts the unit behind (预警) or that it missed (问责) says so in its cell.
        const late = (e.behind || []).includes(c) || (e.missed || []).includes(c);
        return [
          h('td', { class: ['ind', late ? 'cell-behind' : ''], 'data-indicator': c, title: late ? t('ranking.behindOn', { indicator: label('indicator', c) }) : null },
            percent(byCode.get(c)?.ratio), late ? h('span', { class: 'late-mark' }, ` ⚠${t('ranking.lateShort')}`) : null),
          h('td', { class: 'ind' }, score(byCode.get(c)?.points))];
      }),
      h('td', { class: 'ind' }, e.deduction ? score(e.deduction) : '0.00'),
      h('td', { class: 'marks' }, marks(e, period).map(([tone, text]) => h('span', { class: `badge ${tone}` }, text))));
    tr.addEventListener('click', () => onPick(e, tr));
    tr.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); onPick(e, tr); } });
    return tr;
  });
  return h('div', { class: 'table-wrap short' }, h('table', { class: 'data board' }, h('thead', {}, head1, head2), h('tbody', {}, body)));
}

function chart(entries, period, title) {
  const ranked = entries.filter((e) => e.score !== null);
  return barChart(ranked.map((e) => {
    const words = marks(e, period).filter(([tone]) => tone === 'ok' || tone === 'bad').map(([, text]) => text).join(' · ');
    const m = words ? [null, words] : null;
    return {
      key: e.agency.code, label: e.agency.name, value: Number(e.score),
      className: [e.commended || (period !== 'year' && e.rank <= 3) ? 'commended' : e.accountable ? 'accountable' : '', e.provisional ? 'provisional' : ''].join(' '),
      mark: m ? m[1] : '',
      title: t('text.labelled', { label: e.agency.name, value: [`${t('ranking.rank')} ${e.rank ?? '—'}`, `${t('ranking.score')} ${score(e.score)}`, m ? m[1] : null].filter(Boolean).join(t('text.commaSeparator')) }),
    };
  }), { title, max: 120, format: (v) => Number(v).toFixed(2), labelWidth: 190, width: 720 });
}

function trend(group, series) {
  const categories = PERIODS.slice(0, 4).map((p) => label('period', p));
  return h('div', { class: 'board-trend' },
    h('h3', {}, t('ranking.trend')),
    lineChart(categories, series, { title: `${t(`ranking.group.${group}`)}${t('ranking.trend')}`, format: (v) => Number(v).toFixed(2), max: 120 }),
    h('div', { class: 'legend' }, series.map((se, i) => h('span', {}, h('span', { class: `swatch series-${i % 10}` }), se.name))));
}

export async function render(view, { query }) {
  const year = Number(query.get('year')) || thisYear();
  const runs = await publishedRuns(year);
  const latest = runs.length ? [...runs].sort((a, b) => PERIODS.indexOf(b.period) - PERIODS.indexOf(a.period))[0].period : null;
  const period = PERIODS.includes(query.get('period')) ? query.get('period') : latest || 'year';

  const picker = h('form', { class: 'filters no-print', id: 'ranking-filters' },
    field({ name: 'year', label: t('field.year'), type: 'number', value: year, step: '1' }),
    field({ name: 'period', label: t('field.period'), type: 'select', options: PERIODS.map((p) => [p, label('period', p)]), value: period }),
    h('button', { class: 'button secondary', type: 'submit' }, t('common.view')));
  picker.addEventListener('submit', (event) => { event.preventDefault(); setQuery({ year: picker.elements.year.value, period: picker.elements.period.value }); });
  picker.elements.period.addEventListener('change', () => picker.requestSubmit());

  const published = runs.some((r) => r.period === period);
  let ranking = null;
  if (published) {
    try { ranking = await api.get('/rankings', { year, period }); } catch (error) { if (error.status !== 404) throw error; }
  }
  const heading = pageHead(t('nav.ranking'), {
    actions: ranking ? [downloads('/rankings', { year, period }), h('button', { class: 'button', type: 'button', id: 'print', onclick: () => window.print() }, t('ranking.print'))] : [],
  });
  if (!ranking) {
    const shown = PERIODS.filter((p) => runs.some((r) => r.period === p)).map((p) => label('period', p));
    const hint = shown.length ? t('ranking.published', { year, periods: joinList(shown) }) : t('ranking.howPublished');
    mount(view, heading, picker, h('div', { class: 'notice', id: 'ranking-none' }, `${t('ranking.none', { year, period: label('period', period) })}${hint}`));
    return;
  }
  const run = runs.find((r) => r.id === ranking.assessment_id);
  const [scheme, { office }] = await Promise.all([api.get(`/schemes/${year}`), site()]);
  const printedAt = dateTime(new Date().toISOString());

  // Quarter-by-quarter scores: a year run carries them; otherwise the published quarters so far.
  const quarterScores = new Map();
  if (period !== 'year') {
    const quarters = PERIODS.slice(0, PERIODS.indexOf(period) + 1).filter((p) => runs.some((r) => r.period === p));
    const others = await Promise.all(quarters.map((p) => (p === period ? ranking : api.get('/rankings', { year, period: p }))));
    quarters.forEach((p, qi) => {
      for (const group of ['district', 'department']) {
        for (const e of others[qi].groups[group]) {
          const list = quarterScores.get(e.agency.code) || [null, null, null, null];
          list[PERIODS.indexOf(p)] = e.score;
          quarterScores.set(e.agency.code, list);
        }
      }
    });
  }

  const groups = ['district', 'department'].map((group) => {
    const entries = ranking.groups[group] || [];
    const provisional = entries.some((e) => e.provisional);
    const title = boardTitle(year, period, group, provisional);
    const detailSlot = h('div', { class: 'board-details', 'aria-live': 'polite' }, h('p', { class: 'muted no-print' }, t('ranking.clickHint')));
    let selected = null;
    const pick = (entry, tr) => {
      selected?.classList.remove('is-selected');
      selected = tr;
      tr.classList.add('is-selected');
      detailSlot.replaceChildren(details(entry, period, scheme));
    };
    const svg = chart(entries, period, title);
    for (const row of svg.querySelectorAll('.bar-row')) {
      row.addEventListener('click', () => {
        const tr = document.querySelector(`.board-group[data-group="${group}"] tr[data-agency="${CSS.escape(row.dataset.agency)}"]`);
        const entry = entries.find((e) => e.agency.code === row.dataset.agency);
        if (tr && entry) pick(entry, tr);
      });
    }
    const series = entries.filter((e) => e.rank !== null).map((e) => ({
      name: e.agency.name,
      values: (period === 'year' ? e.quarter_scores : quarterScores.get(e.agency.code)) || [null, null, null, null],
    }));
    // A trend needs two quarters at least: one point is no trend.
    const quarters = [0, 1, 2, 3].filter((q) => series.some((se) => se.values[q] !== null && se.values[q] !== undefined)).length;
    return h('section', { class: ['board-group', 'panel', provisional ? 'provisional' : ''], 'data-group': group, 'aria-labelledby': `board-${group}` },
      provisional ? h('p', { class: 'print-only provisional-stamp' }, t('ranking.provisionalStamp')) : null,
      h('h2', { class: 'board-title', id: `board-${group}` }, title),
      h('p', { class: 'board-meta' }, run?.published_at ? t('ranking.publishedOn', { date: dateTime(run.published_at).slice(0, 10) }) : ''),
      h('p', { class: 'print-only print-meta' }, [office ? t('ranking.issuedBy', { office }) : '', t('ranking.printedAt', { at: printedAt })].filter(Boolean).join(t('text.wideSpace'))),
      boardTable(entries, period, pick),
      h('div', { class: 'board-layout' },
        h('div', { class: 'board-chart' }, svg, h('div', { class: 'legend' },
          h('span', {}, h('span', { class: 'swatch legend-commended' }), period === 'year' ? t('ranking.commended') : t('ranking.topThree')),
          period === 'year' ? h('span', {}, h('span', { class: 'swatch legend-accountable' }), t('ranking.accountable')) : null,
          h('span', {}, h('span', { class: 'swatch legend-other' }), t('ranking.score')))),
        detailSlot),
      quarters >= 2 ? trend(group, series)
        : h('p', { class: 'muted no-trend no-print', 'data-group': group }, t('ranking.noTrend', { count: quarters })));
  });
  mount(view, heading, picker, ...groups);
}
