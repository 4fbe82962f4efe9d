// 考核管理 (county): queue a quarterly or year-end run, watch its status change (queued →
// running → done), look at the draft results, and publish them to every agency.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t, label } from '../i18n.js';
import { href, setQuery } from '../router.js';
import { session } from '../session.js';
import { dateTime, thisYear, today } from '../format.js';
import { pageHead, table, badge, dialog } from '../components/ui.js';
import { field, showErrors } from '../components/form.js';

const tone = { queued: 'info', running: 'warn', done: 'info', failed: 'bad', published: 'ok' };

/**
 * The latest period of `year` that is due (DOMAIN.md: a quarter is assessed once its last month's
 * reports are due, by day 5 of the next month; the year-end run in January): never a year-end run
 * before the year is over.
 */
export function duePeriod(year, day = today()) {
  const [y, m, d] = day.split('-').map(Number);
  if (year < y) return 'year';
  const past = (month) => year === y && (m > month + 1 || (m === month + 1 && d > 5));
  return past(9) ? 'Q3' : past(6) ? 'Q2' : 'Q1';
}

const runTitle = (run) => (run.period === 'year' ? t('text.yearRun', { year: run.year }) : t('text.quarterRun', { year: run.year, period: label('period', run.period) }));

export async function render(view, { query }) {
  const year = Number(query.get('year')) || thisYear();
  const list = h('div', { id: 'runs' });
  let timer = null;

  const draw = async () => {
    const runs = await api.all('/assessments', { year });
    const columns = [
      { label: t('text.number'), value: (r) => r.id },
      { label: t('field.period'), header: true, value: (r) => runTitle(r) },
      { label: t('field.status'), value: (r) => [badge(label('runStatus', r.status), tone[r.status]), r.error ? h('div', { class: 'cell-error' }, r.error) : null] },
      { label: t('assessments.created'), value: (r) => dateTime(r.created_at) },
      { label: t('assessments.finished'), value: (r) => dateTime(r.finished_at) },
      { label: t('assessments.publishedAt'), value: (r) => dateTime(r.published_at) },
      {
        label: '',
        value: (r) => h('span', { class: 'actions' },
          r.status === 'published' ? h('a', { class: 'button secondary small', href: href('/ranking', { year: r.year, period: r.period }) }, t('assessments.open')) : null,
          r.status === 'done' && session.countyWrites ? h('button', { class: 'button small', type: 'button', 'data-publish': r.id, onclick: () => publish(r) }, t('assessments.publish')) : null),
      },
    ];
    list.replaceChildren(runs.length
      ? table(columns, runs, { id: 'run-table', rowClass: (r) => `run-${r.status}` })
      : h('p', { class: 'empty', id: 'no-runs' }, t('assessments.noRuns', { year })));
    clearTimeout(timer);
    if (runs.some((r) => r.status === 'queued' || r.status === 'running')) {
      timer = setTimeout(() => { if (document.body.contains(list)) draw(); }, 1500);
    }
  };

  const publish = (run) => dialog(t('assessments.publish'), (close) => h('div', {},
    h('p', {}, t('assessments.confirmPublish', { title: runTitle(run) })),
    h('div', { class: 'actions' },
      h('button', {
        class: 'button', type: 'button', id: 'confirm-publish',
        onclick: async () => {
          try {
            await api.post(`/assessments/${run.id}/publish`);
            close();
            toast(t('assessments.published'));
            await draw();
          } catch (error) { close(); toast(error.message); await draw(); }
        },
      }, t('assessments.publish')),
      h('button', { class: 'button secondary', type: 'button', onclick: close }, t('common.cancel')))));

  const form = h('form', { class: 'filters', id: 'queue-form', novalidate: true },
    field({ name: 'year', label: t('field.year'), type: 'number', value: year, step: '1' }),
    field({ name: 'period', label: t('field.period'), type: 'select', options: ['Q1', 'Q2', 'Q3', 'Q4', 'year'].map((p) => [p, label('period', p)]), value: query.get('period') || duePeriod(year) }),
    session.countyWrites ? h('button', { class: 'button', type: 'submit', id: 'queue' }, t('assessments.queue')) : null);
  form.elements.year.addEventListener('change', () => setQuery({ year: form.elements.year.value }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.post('/assessments', { year: Number(form.elements.year.value), period: form.elements.period.value });
      toast(t('assessments.queued'));
      await draw();
    } catch (error) { showErrors(form, error); }
  });

  mount(view, pageHead(t('assessments.title'), { sub: t('common.year', { year }) }), form, list);
  await draw();
}
