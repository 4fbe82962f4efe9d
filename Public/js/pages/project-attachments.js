// 附件: site photos and scanned documents of a project, downloaded through the API with the
// token in a header, uploaded by whoever may write the project's reports.
import { api } from '../api.js';
import { h, mount, toast, uid } from '../dom.js';
import { t } from '../i18n.js';
import { session } from '../session.js';
import { dateTime, number } from '../format.js';
import { table, dialog } from '../components/ui.js';

/** A photo's thumbnail, fetched with the token (an <img> cannot send it); a document gets none. */
function thumbnail(row) {
  if (!row.content_type.startsWith('image/')) return '';
  const img = h('img', { class: 'thumb', alt: t('text.labelled', { label: t('project.photo'), value: row.filename }), width: 96, height: 72 });
  api.objectURL(`/attachments/${row.id}/content`).then((url) => { img.src = url; }).catch(() => img.remove());
  return img;
}

/** Asks before a file is deleted (CONSOLE.md: nothing is lost by one click). */
function confirmDelete(row, remove) {
  dialog(t('project.deleteAttachment'), (close) => h('div', {},
    h('p', {}, t('project.confirmDelete', { name: row.filename })),
    h('div', { class: 'actions' },
      h('button', { class: 'button danger', type: 'button', id: 'confirm-delete', onclick: async () => { close(); await remove(); } }, t('common.delete')),
      h('button', { class: 'button secondary', type: 'button', onclick: close }, t('common.cancel')))));
}

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
        { label: t('project.photo'), value: thumbnail },
        { label: t('project.attachmentName'), value: (r) => h('button', { class: 'link-button', type: 'button', onclick: () => api.download(`/attachments/${r.id}/content`).catch((e) => toast(e.message)) }, r.filename) },
        { label: t('field.month'), value: (r) => r.month || '—' },
        { label: t('project.attachmentSize'), num: true, value: (r) => number(r.size / 1024) },
        { label: t('project.uploadedAt'), value: (r) => dateTime(r.uploaded_at) },
        canWrite ? {
          label: t('common.actions'),
          value: (r) => h('button', {
            class: 'button secondary small', type: 'button', 'data-delete-attachment': r.id, 'aria-label': `${t('common.delete')} ${r.filename}`,
            onclick: () => confirmDelete(r, async () => { try { await api.delete(`/attachments/${r.id}`, r.version); await draw(); } catch (e) { toast(e.message); } }),
          }, t('common.delete')),
        } : null,
      ].filter(Boolean), rows, { short: true }),
      canWrite ? h('div', { class: 'filters' },
        h('div', { class: 'field' }, h('label', { for: id }, t('project.upload')), h('span', { class: 'hint' }, t('project.uploadHint')), input),
        h('div', { class: 'field' }, h('label', { for: `${id}-month` }, t('project.monthOptional', { label: t('field.month') })), month),
        h('button', { class: 'button', type: 'button', onclick: upload }, t('project.upload'))) : null);
  };
  await draw();
  return holder;
}
