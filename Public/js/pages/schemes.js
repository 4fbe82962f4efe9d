// 考核方案 (county): the year's assessment scheme — indicator weights, quarterly shares, the
// cap, how the year score and the quarters combine, and the late-report deduction.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t, label } from '../i18n.js';
import { href } from '../router.js';
import { session } from '../session.js';
import { thisYear } from '../format.js';
import { pageHead } from '../components/ui.js';
import { field, showErrors, clearErrors } from '../components/form.js';

const INDICATORS = ['fai', 'major_investment', 'new_starts', 'completions', 'attraction_funds'];

export async function render(view, { query }) {
  const year = Number(query.get('year')) || thisYear();
  let { data: scheme, version } = await api.versioned(`/schemes/${year}`);
  const edit = session.countyWrites;
  const f = (name, text, value) => field({ name, label: text, type: 'number', value, disabled: !edit });
  const form = h('form', { novalidate: true, class: 'panel', id: 'scheme-form' },
    h('h2', {}, t('schemes.weights')),
    h('div', { class: 'form-grid' }, INDICATORS.map((c) => f(`weights.${c}`, label('indicator', c), scheme.weights[c]))),
    h('h2', {}, t('schemes.quarterShares')),
    h('div', { class: 'form-grid' }, scheme.quarter_shares.map((v, i) => f(`quarter_shares.${i}`, label('period', `Q${i + 1}`), v))),
    h('h2', {}, t('schemes.scoring')),
    h('div', { class: 'form-grid' },
      f('cap', t('schemes.cap'), scheme.cap), f('annual_weight', t('schemes.annualWeight'), scheme.annual_weight),
      f('quarterly_weight', t('schemes.quarterlyWeight'), scheme.quarterly_weight), f('late_report_penalty', t('schemes.penalty'), scheme.late_report_penalty),
      f('late_report_penalty_cap', t('schemes.penaltyCap'), scheme.late_report_penalty_cap), f('report_deadline_day', t('schemes.deadline'), scheme.report_deadline_day)),
    edit ? h('div', { class: 'actions' }, h('button', { class: 'button', type: 'submit' }, t('common.save'))) : null);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const n = (name) => Number(form.elements[name].value);
    const body = {
      weights: Object.fromEntries(INDICATORS.map((c) => [c, n(`weights.${c}`)])),
      quarter_shares: [0, 1, 2, 3].map((i) => n(`quarter_shares.${i}`)),
      cap: n('cap'), annual_weight: n('annual_weight'), quarterly_weight: n('quarterly_weight'),
      late_report_penalty: n('late_report_penalty'), late_report_penalty_cap: n('late_report_penalty_cap'), report_deadline_day: n('report_deadline_day'),
    };
    try {
      await api.put(`/schemes/${year}`, body, version);
      ({ data: scheme, version } = await api.versioned(`/schemes/${year}`));
      toast(t('schemes.saved'));
    } catch (error) {
      if (error.status === 412) error.message = t('errors.conflict.title');
      showErrors(form, error);
    }
  });
  mount(view,
    pageHead(t('schemes.title', { year }), {
      actions: [
        h('a', { class: 'button secondary small', href: href('/schemes', { year: year - 1 }) }, t('text.prevYear', { year: year - 1 })),
        h('a', { class: 'button secondary small', href: href('/schemes', { year: year + 1 }) }, t('text.nextYear', { year: year + 1 }))],
    }),
    form);
}
