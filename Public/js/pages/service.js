// 我的包保项目: the major projects the signed-in county leader (包保县领导) or department
// commissioner (服务专员) answers for, with their open problems, overdue decisions and plan ratio.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { t, label } from '../i18n.js';
import { href } from '../router.js';
import { money, percent } from '../format.js';
import { pageHead, pager, table, badge, stageBadge } from '../components/ui.js';

export async function render(view, { query }) {
  const offset = Number(query.get('offset') || 0);
  const page = await api.get('/service/mine', { offset });
  const columns = [
    { label: t('field.code'), value: (r) => r.project.code },
    { label: t('field.name'), header: true, value: (r) => h('a', { href: href(`/projects/${r.project.id}`) }, r.project.name) },
    { label: t('field.stage'), value: (r) => stageBadge(r.stage) },
    { label: t('service.role'), value: (r) => label('serviceRole', r.role) },
    { label: t('service.leader'), value: (r) => r.leader?.display_name ?? '—' },
    { label: t('service.commissioner'), value: (r) => r.commissioner ? t('text.note', { text: r.commissioner.display_name, note: r.commissioner.agency.name }) : '—' },
    { label: t('service.openProblems'), num: true, value: (r) => r.open_problems },
    { label: t('service.overdueProblems'), num: true, value: (r) => (r.overdue_problems ? badge(String(r.overdue_problems), 'bad') : '0') },
    { label: t('service.overdueDecisions'), num: true, value: (r) => (r.overdue_decisions ? badge(String(r.overdue_decisions), 'bad') : '0') },
    { label: t('service.actual'), num: true, value: (r) => money(r.actual_to_date) },
    { label: t('service.planRatio'), num: true, value: (r) => [percent(r.ratio_to_date), r.behind ? [' ', badge(t('service.behind'), 'warn')] : null] },
  ];
  mount(view,
    pageHead(t('service.title'), { sub: t('service.sub') }),
    page.total ? null : h('p', { class: 'muted', id: 'service-empty' }, t('service.none')),
    table(columns, page.items, { id: 'service-table' }),
    pager(page));
}
