// 导入记录: the imports the user's agency may see (the county every one), newest first and paged,
// each with what it did; `?import=20` marks one, the import a history entry names (由导入 #20).
// A refused upload writes nothing and is not recorded: its 错误说明 sheet is offered where the
// upload is refused (the import form).
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { t, label } from '../i18n.js';
import { dateTime, monthTitle } from '../format.js';
import { pageHead, pager, table } from '../components/ui.js';
import { downloads } from '../components/transfer.js';

const columns = [
  { label: t('imports.number'), header: true, value: (r) => `#${r.id}` },
  { label: t('field.kind'), value: (r) => label('importKind', r.kind) },
  { label: t('field.month'), value: (r) => (r.month ? monthTitle(r.month.slice(0, 7)) : '—') },
  { label: t('imports.file'), value: (r) => r.file_name },
  { label: t('imports.rows'), num: true, value: (r) => r.rows },
  { label: t('imports.created'), num: true, value: (r) => r.created },
  { label: t('imports.replaced'), num: true, value: (r) => r.replaced },
  { label: t('imports.unchanged'), num: true, value: (r) => r.unchanged },
  { label: t('imports.by'), value: (r) => r.user?.display_name || '—' },
  { label: t('imports.at'), value: (r) => dateTime(r.at) },
];

export async function render(view, { query }) {
  const offset = Number(query.get('offset') || 0);
  const marked = Number(query.get('import') || 0);
  const [page, one] = await Promise.all([
    api.get('/imports', { limit: 50, offset }),
    marked ? api.get(`/imports/${marked}`).catch(() => null) : null,
  ]);
  const focus = one ? h('section', { class: 'panel', id: 'marked-import', 'aria-labelledby': 'marked-title' },
    h('h2', { id: 'marked-title' }, t('imports.marked', { id: one.id })),
    table(columns, [one], { short: true, rowClass: () => 'is-marked', tableClass: 'imports-table' })) : null;
  mount(view,
    pageHead(t('imports.title'), { sub: t('imports.sub'), actions: [downloads('/imports', {}, t('imports.title'))] }),
    marked && !one ? h('p', { class: 'notice bad', role: 'alert' }, t('imports.notFound', { id: marked })) : null,
    focus,
    page.items.length ? pager(page) : null,
    table(columns, page.items, { id: 'import-table', tableClass: 'imports-table', rowClass: (r) => (r.id === marked ? 'is-marked' : '') }));
}
