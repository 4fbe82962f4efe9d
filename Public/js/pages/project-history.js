// 修改记录: who changed what and when, newest first, loaded when asked for. The server writes each
// change as people read it (`label`, `old_display`, `new_display`; internal columns left out) and
// names the import a change came from (`source.display`, 由导入 #20 第 39 行), a link to it in 导入记录.
import { api } from '../api.js';
import { h } from '../dom.js';
import { t, label } from '../i18n.js';
import { dateTime } from '../format.js';
import { table } from '../components/ui.js';
import { href } from '../router.js';

function describe(entry) {
  const items = Object.values(entry.changes || {}).slice(0, 12).map((change) => {
    if (entry.action === 'update') return h('li', {}, t('text.labelled', { label: change.label, value: `${change.old_display} → ${change.new_display}` }));
    return h('li', {}, t('text.labelled', { label: change.label, value: entry.action === 'delete' ? change.old_display : change.new_display }));
  });
  if (entry.source) {
    items.unshift(h('li', { class: 'source' },
      h('a', { href: href('/imports', { import: entry.source.import_id }), 'data-import': entry.source.import_id }, entry.source.display)));
  }
  return h('ul', { class: 'changes' }, items);
}

export function historySection(project) {
  const holder = h('section', { class: 'panel', id: 'history', 'aria-labelledby': 'history-title' });
  const body = h('div');
  const load = async () => {
    body.replaceChildren(h('p', { class: 'loading' }, t('app.loading')));
    const rows = (await api.get(`/projects/${project.id}/history`, { limit: 100 })).items;
    body.replaceChildren(table([
      { label: t('project.historyWhen'), value: (r) => dateTime(r.at) },
      { label: t('project.historyWho'), value: (r) => r.changed_by?.display_name || '—' },
      { label: t('field.kind'), value: (r) => `${label('historyTable', r.table)} · ${t(`project.historyAction.${r.action}`)}` },
      { label: t('project.historyWhat'), value: (r) => describe(r) },
    ], rows, { short: true }));
  };
  holder.append(
    h('div', { class: 'page-head' }, h('h2', { id: 'history-title' }, t('project.history')),
      h('button', { class: 'button secondary small', type: 'button', id: 'show-history', onclick: (e) => { e.target.remove(); load(); } }, t('common.view'))),
    body);
  return holder;
}
