// 项目库: the register of visible projects, filtered and searched with every filter in the URL,
// 50 to a page with the total, stage badges, and downloads of the same rows.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { t, label } from '../i18n.js';
import { setQuery, href, go } from '../router.js';
import { session } from '../session.js';
import { money } from '../format.js';
import { pageHead, table, pager, stageBadge, badge } from '../components/ui.js';
import { field } from '../components/form.js';
import { downloads, importForm } from '../components/transfer.js';

const FILTERS = ['q', 'stage', 'category', 'district_id', 'lead_department_id', 'major', 'park_id'];

export async function render(view, { query }) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) || '']));
  const offset = Number(query.get('offset') || 0);
  const [page, parks] = await Promise.all([
    api.get('/projects', { ...filters, limit: 50, offset }),
    api.get('/parks', { limit: 500 }),
  ]);
  const parkName = new Map(parks.items.map((p) => [p.id, p.name]));

  const form = h('form', { class: 'filters', role: 'search', id: 'project-filters' },
    field({ name: 'q', label: t('field.q'), value: filters.q, type: 'search' }),
    field({ name: 'stage', label: t('field.stage'), type: 'select', options: 'stage', value: filters.stage, blank: t('common.all') }),
    field({ name: 'category', label: t('field.category'), type: 'select', options: 'category', value: filters.category, blank: t('common.all') }),
    session.isDistrict ? null : field({
      name: 'district_id', label: t('field.district_id'), type: 'select', blank: t('common.all'), value: filters.district_id,
      options: session.ofKind('district').map((a) => [a.id, a.name]),
    }),
    session.isDepartment ? null : field({
      name: 'lead_department_id', label: t('field.lead_department_id'), type: 'select', blank: t('common.all'), value: filters.lead_department_id,
      options: session.ofKind('department').map((a) => [a.id, a.name]),
    }),
    field({ name: 'major', label: t('field.major'), type: 'select', blank: t('common.all'), value: filters.major, options: [['true', t('common.yes')], ['false', t('common.no')]] }),
    h('div', { class: 'actions' },
      h('button', { class: 'button', type: 'submit' }, t('common.filter')),
      h('a', { class: 'button secondary', href: href('/projects') }, t('common.reset'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = { offset: '' };
    for (const k of FILTERS) if (form.elements[k]) next[k] = form.elements[k].value.trim();
    setQuery(next);
  });
  form.elements.stage.addEventListener('change', () => form.requestSubmit());

  const columns = [
    { label: t('field.code'), value: (p) => h('span', { class: 'nowrap' }, p.code) },
    { label: t('field.name'), header: true, value: (p) => [h('a', { href: href(`/projects/${p.id}`) }, p.name), p.major ? [' ', badge(t('field.major'), 'major')] : null] },
    { label: t('field.stage'), value: (p) => stageBadge(p.stage) },
    { label: t('field.category'), value: (p) => label('category', p.category) },
    { label: t('field.district_id'), class: 'district', value: (p) => session.agencyName(p.district_id) },
    { label: t('field.lead_department_id'), value: (p) => session.agencyName(p.lead_department_id) },
    { label: t('field.park_id'), value: (p) => parkName.get(p.park_id) || '—' },
    { label: t('field.total_investment'), num: true, value: (p) => money(p.total_investment) },
  ];

  mount(view,
    pageHead(t('projects.title'), {
      actions: [
        downloads('/projects', filters),
        session.canCreateProject() ? h('a', { class: 'button', href: href('/projects/new'), id: 'new-project' }, t('projects.new')) : null,
      ],
    }),
    form,
    pager(page),
    table(columns, page.items, { id: 'project-table', onRow: (p) => go(`/projects/${p.id}`) }),
    pager(page),
    session.canCreateProject() ? importForm('/imports/projects', {}, { onDone: () => setQuery({}) }) : null);
}
