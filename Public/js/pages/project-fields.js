// The fields of a project as the forms show them (labels from the catalogue, units in the label).
import { t } from '../i18n.js';
import { session } from '../session.js';

export function projectFields(project, parks) {
  const districts = session.ofKind('district').map((a) => [a.id, a.name]);
  const departments = session.ofKind('department').map((a) => [a.id, a.name]);
  const specs = [
    { name: 'code', label: t('field.code'), required: true },
    { name: 'national_code', label: t('field.national_code'), hint: t('field.national_code.hint') },
    { name: 'name', label: t('field.name'), required: true, wide: true },
    { name: 'owner', label: t('field.owner') },
    { name: 'category', label: t('field.category'), type: 'select', options: 'category', required: true },
    { name: 'industry', label: t('field.industry') },
    { name: 'stage', label: t('field.stage'), type: 'select', options: 'stage' },
    { name: 'district_id', label: t('field.district_id'), type: 'select', options: districts, numeric: true, disabled: !session.isCounty && project, readOnly: !session.isCounty && project },
    { name: 'lead_department_id', label: t('field.lead_department_id'), type: 'select', options: departments, numeric: true, blank: t('project.leadByCategory') },
    { name: 'park_id', label: t('field.park_id'), type: 'select', options: parks.map((p) => [p.id, p.name]), numeric: true, blank: '—' },
    { name: 'total_investment', label: t('field.total_investment'), type: 'number' },
    { name: 'land_area', label: t('field.land_area'), type: 'number' },
    { name: 'planned_start', label: t('field.planned_start'), type: 'date' },
    { name: 'planned_completion', label: t('field.planned_completion'), type: 'date' },
    { name: 'actual_start', label: t('field.actual_start'), type: 'date' },
    { name: 'actual_completion', label: t('field.actual_completion'), type: 'date' },
    { name: 'eia_class', label: t('field.eia_class') },
    { name: 'major', label: t('field.major'), type: 'checkbox' },
    { name: 'green_channel', label: t('field.green_channel'), type: 'checkbox' },
    { name: 'central_soe', label: t('field.central_soe'), type: 'checkbox' },
  ];
  return specs.filter(Boolean);
}
