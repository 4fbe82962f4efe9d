// 附件: site photos and scanned documents of a project, downloaded through the API with the
// token in a header, uploaded by whoever may write the project's reports.
import { api } from '../api.js';
import { h, mount, toast, uid } from '../dom.js';
import { t } from '../i18n.js';
import { session } from '../session.js';
import { dateTime, number } from '../format.js';
import { table } from '../components/ui.js';

export async function attachmentsSection(project) {
  const holder = h('section', { class: 'panel', id: 'attachments', 'aria-labelledby': 'attachments-title' });
  const draw = async () => {
    const rows = await api.all(`/projects/${project.id}/attachments`);
    const canWrite = session.canEditProject(project);
    const id = uid('upload');
    const input = h('input', { type: 'file', id, accept: 'image/jpeg,image/png,image/webp,application/pdf' });
    const month = h('input', { type: 'month', id: `${id}-month` });
    const upload = async () => {
      const file = input.files[0];
      if (!file) { input.focus(); return; }
      try {
        await api.upload(`/projects/${project.id}/attachments`, file, { filename: file.name, month: month.value });
        toast(t('project.uploaded'));
        await draw();
      } catch (error) { toast(error.message); }
    };
    mount(holder,
      h('h2', { id: 'attachments-title' }, t('project.attachments')),
      table([
        { label: '文件名', value: (r) => h('button', { class: 'link-button', type: 'button', onclick: () => api.download(`/attachments/${r.id}/content`, {}, r.filename).catch((e) => toast(e.message)) }, r.filename) },
        { label: t('field.month'), value: (r) => r.month || '—' },
        { label: '大小（KB）', num: true, value: (r) => number(r.size / 1024) },
        { label: '上传时间', value: (r) => dateTime(r.uploaded_at) },
        canWrite ? { label: '', value: (r) => h('button', { class: 'button secondary small', type: 'button', onclick: async () => { try { await api.delete(`/attachments/${r.id}`, r.version); await draw(); } catch (e) { toast(e.message); } } }, t('common.delete')) } : null,
      ].filter(Boolean), rows, { short: true }),
      canWrite ? h('div', { class: 'filters' },
        h('div', { class: 'field' }, h('label', { for: id }, t('project.upload')), h('span', { class: 'hint' }, t('project.uploadHint')), input),
        h('div', { class: 'field' }, h('label', { for: `${id}-month` }, `${t('field.month')}（可不填）`), month),
        h('button', { class: 'button', type: 'button', onclick: upload }, t('project.upload'))) : null);
  };
  await draw();
  return holder;
}
