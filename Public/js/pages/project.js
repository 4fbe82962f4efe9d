// 项目详情: the project's details (edit with If-Match conflicts explained), its monthly reports
// as a 12-month grid with the plan beside them, funding, approvals, problems, attachments and history.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t } from '../i18n.js';
import { href } from '../router.js';
import { session } from '../session.js';
import { money, thisMonth, percent } from '../format.js';
import { pageHead, stageBadge, badge, loading, failure } from '../components/ui.js';
import { recordForm, show } from '../components/record-form.js';
import { projectFields } from './project-fields.js';
import { reportsSection } from './project-reports.js';
import { childSections } from './project-children.js';
import { historySection } from './project-history.js';
import { attachmentsSection } from './project-attachments.js';

export async function render(view, { params, query }) {
  const id = Number(params.id);
  const [project, parks] = await Promise.all([api.get(`/projects/${id}`), api.get('/parks', { limit: 500 })]);
  const specs = projectFields(project, parks.items);
  const editable = session.canEditProject(project);

  const details = h('section', { class: 'panel', id: 'details', 'aria-labelledby': 'details-title' });
  const showDetails = (p) => {
    mount(details,
      h('div', { class: 'page-head' },
        h('h2', { id: 'details-title' }, t('project.details')),
        editable ? h('button', { class: 'button secondary', type: 'button', id: 'edit-project', onclick: () => edit(p) }, t('common.edit')) : null),
      h('dl', { class: 'details' },
        specs.map((s) => [h('dt', {}, s.label), h('dd', { 'data-field': s.name }, show(s, p[s.name]))]),
        h('dt', {}, t('field.year_to_date_investment')), h('dd', {}, money(p.year_to_date_investment)),
        h('dt', {}, t('field.year_to_date_share')), h('dd', {}, percent(p.year_to_date_share))));
  };
  const edit = (p) => {
    const form = recordForm({
      id: 'project-form',
      specs,
      record: p,
      save: (body, version) => api.patch(`/projects/${id}`, body, version),
      reload: () => api.get(`/projects/${id}`),
      onSaved: (saved) => { toast(t('common.saved')); Object.assign(project, saved); showDetails(saved); heading(); },
      onCancel: () => showDetails(project),
    });
    mount(details, h('h2', { id: 'details-title' }, t('text.labelled', { label: t('common.edit'), value: t('project.details') })), form);
    form.querySelector('input,select')?.focus();
  };

  const head = h('div');
  const heading = () => mount(head, pageHead(project.name, {
    crumbs: [[t('projects.title'), href('/projects')], [project.code]],
    sub: [project.code, ' ', stageBadge(project.stage), project.major ? [' ', badge(t('field.major'), 'major')] : null,
      ' ', session.agencyName(project.district_id), ' · ', t('text.labelled', { label: t('field.lead_department_id'), value: session.agencyName(project.lead_department_id) })],
    actions: [
      editable && session.entersReports ? h('a', { class: 'button', href: href('/entry', { month: thisMonth(), district_id: session.isCounty ? project.district_id : '' }) }, t('nav.entry')) : null,
    ],
  }));
  heading();
  showDetails(project);

  const sections = [
    ['details', t('project.details')],
    ['reports', t('project.reports')],
    ['funding', t('project.funding')],
    ['approvals', t('project.approvals')],
    ['problems', t('project.problems')],
    ['attachments', t('project.attachments')],
    ['history', t('project.history')],
  ].filter(Boolean);
  const toc = h('nav', { class: 'actions no-print', 'aria-label': t('text.pageContents') }, sections.map(([sid, text]) =>
    h('button', { class: 'link-button', type: 'button', onclick: () => document.getElementById(sid)?.scrollIntoView({ behavior: 'smooth' }) }, text)));

  const year = Number(query.get('year')) || Number(thisMonth().slice(0, 4));
  // The details show at once; the sections below fill in as their data arrives.
  const slot = () => h('section', { class: 'panel' }, loading());
  const slots = { reports: slot(), children: [slot(), slot(), slot()], attachments: slot() };
  mount(view, head, toc, details, slots.reports, ...slots.children, slots.attachments, historySection(project));
  const fill = (placeholder, promise) => promise.then((node) => placeholder.replaceWith(node)).catch((error) => placeholder.replaceChildren(failure(error)));
  Promise.all([
    fill(slots.reports, reportsSection(project, year)),
    childSections(project).then((nodes) => nodes.forEach((node, i) => slots.children[i].replaceWith(node)))
      .catch((error) => slots.children[0].replaceChildren(failure(error))),
    slots.attachments ? fill(slots.attachments, attachmentsSection(project)) : null,
  ]).then(() => { view.dataset.complete = 'true'; });
}
