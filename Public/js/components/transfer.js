// 导出 / 导入: download buttons for lists that answer ?format=xlsx|csv, and an upload form that
// checks a file first (dry run) and shows the API's errors row by row, with the refused file
// offered back as its 错误说明 sheet.
import { api } from '../api.js';
import { h, toast, uid } from '../dom.js';
import { t } from '../i18n.js';

/** Download buttons for the list at `path` with the page's filters (every list answers
 *  ?format=xlsx|csv, named by the server). */
export function downloads(path, query = {}) {
  const clean = Object.fromEntries(Object.entries(query).filter(([k, v]) => v !== '' && v !== null && v !== undefined && k !== 'offset' && k !== 'limit'));
  const button = (format, text) => h('button', {
    class: 'button secondary small', type: 'button', 'data-download': format,
    onclick: () => api.download(path, { ...clean, format }).catch((e) => toast(e.message)),
  }, text);
  return h('span', { class: 'actions' }, button('xlsx', t('common.downloadXlsx')), button('csv', t('common.downloadCsv')));
}

/**
 * An upload form for an import endpoint: choose a file, 检查 (dry run) or 导入; the result or
 * every row's error is listed under the form. `onDone` runs after a successful import.
 */
export function importForm(path, query, { onDone, templatePath, templateQuery } = {}) {
  const id = uid('import');
  const input = h('input', { type: 'file', id, accept: '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv' });
  const result = h('div', { class: 'import-result', 'aria-live': 'polite' });
  const run = async (dryRun) => {
    const file = input.files[0];
    if (!file) { input.focus(); return; }
    result.replaceChildren(h('p', { class: 'loading' }, t('app.loading')));
    try {
      const answer = await api.upload(path, file, { ...query, dry_run: dryRun ? 'true' : '' });
      result.replaceChildren(h('div', { class: 'notice ok' }, t('import.ok', answer)));
      if (!dryRun) { toast(t('import.ok', answer)); onDone?.(); }
    } catch (error) {
      const rows = error.problem?.errors || [];
      // the same file back with a 错误说明 column and the wrong cells marked, to fix in place
      const sheet = rows.length ? h('button', {
        class: 'button secondary small', type: 'button', 'data-error-sheet': '',
        onclick: () => api.download(path, { ...query, format: 'xlsx' }, { file }).catch((e) => toast(e.message)),
      }, t('import.errorSheet')) : null;
      result.replaceChildren(h('div', { class: 'notice bad', role: 'alert' },
        h('p', {}, rows.length ? t('import.errors', { count: rows.length }) : error.message, ' ', sheet),
        rows.length ? h('ul', {}, rows.slice(0, 200).map((e) => h('li', {},
          t('text.labelled', { label: e.row ? `${t('import.row', { row: e.row })} ${e.column || e.field || ''}` : e.field || '', value: e.message })))) : null));
    }
  };
  return h('details', { class: 'panel no-print' },
    h('summary', {}, t('import.title')),
    h('div', { class: 'field' }, h('label', { for: id }, t('import.choose')), input),
    h('div', { class: 'actions' },
      templatePath ? h('button', {
        class: 'button secondary', type: 'button',
        onclick: () => api.download(templatePath, templateQuery).catch((e) => toast(e.message)),
      }, t('common.template')) : null,
      h('button', { class: 'button secondary', type: 'button', onclick: () => run(true) }, t('import.check')),
      h('button', { class: 'button', type: 'button', onclick: () => run(false) }, t('import.apply'))),
    result);
}
