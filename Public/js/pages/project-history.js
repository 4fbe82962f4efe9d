// 修改记录: who changed what and when, newest first, loaded when asked for.
import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { dateTime } from '../format.js';
import { table } from '../components/ui.js';

const TABLES = { projects: '项目', monthly_reports: '月报', reports: '月报', funding: '资金来源', funding_sources: '资金来源', approvals: '审批手续', problems: '困难问题', project_problems: '困难问题', plans: '年度计划', annual_plans: '年度计划', attachments: '附件' };
const HIDDEN = new Set(['id', 'project_id', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by']);

function describe(changes, specs) {
  if (!changes || typeof changes !== 'object') return '';
  const names = Object.fromEntries(specs.map((s) => [s.name, s.label]));
  return h('ul', { class: 'changes' }, Object.entries(changes).filter(([key]) => !HIDDEN.has(key)).slice(0, 12).map(([key, value]) => {
    const name = names[key] || t(`field.${key}`);
    if (value && typeof value === 'object' && ('old' in value || 'new' in value)) {
      return h('li', {}, `${name}：${value.old ?? '—'} → ${value.new ?? '—'}`);
    }
    return h('li', {}, `${name}：${value === null ? '—' : typeof value === 'object' ? JSON.stringify(value) : value}`);
  }));
}

export function historySection(project, specs) {
  const holder = h('section', { class: 'panel', id: 'history', 'aria-labelledby': 'history-title' });
  const body = h('div');
  const load = async () => {
    body.replaceChildren(h('p', { class: 'loading' }, t('app.loading')));
    const page = await api.get(`/projects/${project.id}/history`, { limit: 100 });
    const rows = Array.isArray(page) ? page : page.items;
    body.replaceChildren(table([
      { label: t('project.historyWhen'), value: (r) => dateTime(r.at) },
      { label: t('project.historyWho'), value: (r) => r.user?.display_name || '—' },
      { label: t('field.kind'), value: (r) => `${TABLES[r.table] || r.table} · ${t(`project.historyAction.${r.action}`)}` },
      { label: t('project.historyWhat'), value: (r) => describe(r.changes, specs) },
    ], rows, { short: true }));
  };
  holder.append(
    h('div', { class: 'page-head' }, h('h2', { id: 'history-title' }, t('project.history')),
      h('button', { class: 'button secondary small', type: 'button', id: 'show-history', onclick: (e) => { e.target.remove(); load(); } }, t('common.view'))),
    body);
  return holder;
}
