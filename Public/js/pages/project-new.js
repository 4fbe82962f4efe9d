// 新增项目: a district editor (for its district) or a county editor creates a project.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t } from '../i18n.js';
import { href, go } from '../router.js';
import { session } from '../session.js';
import { pageHead } from '../components/ui.js';
import { recordForm } from '../components/record-form.js';
import { projectFields } from './project-fields.js';

export async function render(view) {
  const parks = await api.all('/parks');
  const specs = projectFields(null, parks).map((s) => (s.name === 'district_id' && session.isDistrict ? { ...s, value: session.agencyId, disabled: true } : s));
  const form = recordForm({
    id: 'project-form',
    specs: specs.map((s) => (s.name === 'stage' ? { ...s, value: 'reserve' } : s)),
    record: null,
    submit: t('projects.new'),
    save: (body) => api.post('/projects', { ...body, district_id: session.isDistrict ? session.agencyId : body.district_id, stage: body.stage || 'reserve', major: body.major, lead_department_id: body.lead_department_id ?? undefined }),
    onSaved: (project) => { toast(t('project.created')); go(`/projects/${project.id}`); },
    onCancel: () => go('/projects'),
  });
  mount(view, pageHead(t('projects.new'), { crumbs: [[t('projects.title'), href('/projects')], [t('projects.new')]] }), h('div', { class: 'panel' }, form));
}
