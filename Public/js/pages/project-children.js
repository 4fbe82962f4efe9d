// The rows under a project that are edited one by one: funding sources (资金来源), approvals
// with processing days (审批手续) and problems (困难问题). One table-and-dialog for all three.
import { api } from '../api.js';
import { h, toast } from '../dom.js';
import { t, label } from '../i18n.js';
import { session } from '../session.js';
import { money, date } from '../format.js';
import { table, badge, dialog } from '../components/ui.js';
import { recordForm } from '../components/record-form.js';

function resources(project, platforms) {
  const departments = session.ofKind('department').map((a) => [a.id, a.name]);
  const statusTone = { open: 'warn', in_progress: 'info', resolved: 'ok', escalated: 'bad', pending: 'info', approved: 'ok', rejected: 'bad', withdrawn: 'info' };
  return [
    {
      key: 'funding', title: t('project.funding'),
      columns: [
        { label: t('field.kind'), value: (r) => label('funding', r.kind) },
        { label: t('field.platform_id'), value: (r) => platforms.get(r.platform_id) || '—' },
        { label: t('field.planned_amount'), num: true, value: (r) => money(r.planned_amount) },
        { label: t('field.amount_in_place'), num: true, value: (r) => money(r.amount_in_place) },
      ],
      specs: [
        { name: 'kind', label: t('field.kind'), type: 'select', options: 'funding' },
        { name: 'platform_id', label: t('field.platform_id'), type: 'select', options: [...platforms], numeric: true, blank: '—' },
        { name: 'planned_amount', label: t('field.planned_amount'), type: 'number' },
        { name: 'amount_in_place', label: t('field.amount_in_place'), type: 'number' },
      ],
      canAdd: session.canEditProject(project),
      canEdit: () => session.canEditProject(project),
      foot: (rows) => [t('common.sum'), '', money(rows.reduce((a, r) => a + Number(r.planned_amount), 0)), money(rows.reduce((a, r) => a + Number(r.amount_in_place), 0))],
    },
    {
      key: 'approvals', title: t('project.approvals'),
      columns: [
        { label: t('field.kind'), value: (r) => label('approval', r.kind) },
        { label: t('field.department_id'), value: (r) => session.agencyName(r.department_id) },
        { label: t('field.applied_on'), value: (r) => date(r.applied_on) },
        { label: t('field.decided_on'), value: (r) => date(r.decided_on) },
        { label: t('field.status'), value: (r) => badge(label('approvalStatus', r.status), statusTone[r.status]) },
        { label: t('field.processing_days'), num: true, value: (r) => (r.processing_days ?? '—') },
      ],
      specs: [
        { name: 'kind', label: t('field.kind'), type: 'select', options: 'approval' },
        { name: 'department_id', label: t('field.department_id'), type: 'select', numeric: true, options: session.isDepartment ? departments.filter(([id]) => id === session.agencyId) : departments },
        { name: 'applied_on', label: t('field.applied_on'), type: 'date' },
        { name: 'decided_on', label: t('field.decided_on'), type: 'date' },
        { name: 'status', label: t('field.status'), type: 'select', options: 'approvalStatus' },
      ],
      canAdd: session.canAddApproval(),
      canEdit: (r) => session.canEditApproval(r),
    },
    {
      key: 'problems', title: t('project.problems'),
      columns: [
        { label: t('field.kind'), value: (r) => label('problem', r.kind) },
        { label: t('field.description'), value: (r) => r.description },
        { label: t('field.department_id'), value: (r) => session.agencyName(r.department_id) },
        { label: t('field.due_on'), value: (r) => date(r.due_on) },
        { label: t('field.status'), value: (r) => badge(label('problemStatus', r.status), statusTone[r.status]) },
        { label: t('field.resolution'), value: (r) => [r.resolution || '', r.resolved_on ? ` (${r.resolved_on})` : ''] },
      ],
      specs: [
        { name: 'kind', label: t('field.kind'), type: 'select', options: 'problem' },
        { name: 'description', label: t('field.description'), type: 'textarea', wide: true },
        { name: 'department_id', label: t('field.department_id'), type: 'select', numeric: true, options: departments, blank: '—' },
        { name: 'due_on', label: t('field.due_on'), type: 'date' },
        { name: 'status', label: t('field.status'), type: 'select', options: 'problemStatus' },
        { name: 'resolution', label: t('field.resolution'), type: 'textarea', wide: true },
        { name: 'resolved_on', label: t('field.resolved_on'), type: 'date' },
      ],
      canAdd: session.canEditProject(project),
      canEdit: (r) => session.canEditProblem(project, r),
    },
  ];
}

async function section(project, resource) {
  const base = `/projects/${project.id}/${resource.key}`;
  const holder = h('section', { class: 'panel', id: resource.key, 'aria-labelledby': `${resource.key}-title` });
  const draw = async () => {
    const rows = await api.all(base);
    const open = (row) => dialog(t('text.labelled', { label: row ? t('common.edit') : t('common.add'), value: resource.title }), (close) => recordForm({
      specs: resource.specs,
      record: row,
      save: (body, version) => (row ? api.patch(`${base}/${row.id}`, body, version) : api.post(base, body)),
      reload: () => api.get(`${base}/${row.id}`),
      onSaved: async () => { close(); toast(t('common.saved')); await draw(); },
      onCancel: close,
    }));
    const columns = [...resource.columns];
    if (rows.some((r) => resource.canEdit(r))) {
      columns.push({ label: '', value: (r) => (resource.canEdit(r) ? h('button', { class: 'button secondary small', type: 'button', onclick: () => open(r) }, t('common.edit')) : '') });
    }
    holder.replaceChildren(
      h('div', { class: 'page-head' },
        h('h2', { id: `${resource.key}-title` }, resource.title),
        resource.canAdd ? h('button', { class: 'button secondary small', type: 'button', 'data-add': resource.key, onclick: () => open(null) }, t('common.add')) : null),
      table(columns, rows, { short: true, foot: resource.foot && rows.length ? [...resource.foot(rows), ...(columns.length > resource.columns.length ? [''] : [])] : null }));
  };
  await draw();
  return holder;
}

export async function childSections(project) {
  const platformList = await api.all('/financing-platforms');
  const platforms = new Map(platformList.map((p) => [p.id, p.name]));
  return Promise.all(resources(project, platforms).map((r) => section(project, r)));
}
