// Small building blocks shared by the pages: headings, badges, tables with a sticky header,
// pagers, cards and meters.
import { h } from '../dom.js';
import { t, label } from '../i18n.js';
import { href, setQuery } from '../router.js';
import { percent } from '../format.js';

/** The page's heading with optional breadcrumb and actions on the right; sets the window title. */
export function pageHead(title, { actions = [], crumbs = [], sub } = {}) {
  document.title = `${title} · ${t('app.title')}`;
  return h('div', { class: 'page-head' },
    h('div', {},
      crumbs.length ? h('nav', { class: 'breadcrumb', 'aria-label': t('text.breadcrumb') },
        crumbs.map(([text, link], i) => [i ? ' › ' : '', link ? h('a', { href: link }, text) : text])) : null,
      h('h1', { id: 'page-title', tabindex: '-1' }, title),
      sub ? h('p', { class: 'muted' }, sub) : null),
    h('div', { class: 'actions' }, actions));
}

export const stageBadge = (stage) => h('span', { class: `badge stage-${stage}` }, label('stage', stage));
export const badge = (text, tone = 'info') => h('span', { class: `badge ${tone}` }, text);

export function reportStatusBadge(report) {
  if (!report?.status) return null;
  const tone = { submitted: 'info', approved: 'ok', returned: 'bad' }[report.status];
  const mark = { submitted: '', approved: '✓ ', returned: '✗ ' }[report.status];
  return h('span', { class: `badge ${tone}` }, mark + label('reportStatus', report.status));
}

/**
 * A table: columns [{label, value(row) → node|text, num, class}], rows; `onRow(row, tr)` makes rows
 * clickable. `foot` is an optional array of cells. On a phone each row becomes a card with every
 * value under its column's label (`cards-on-phone`), unless the page draws its own (`cards: false`).
 */
export function table(columns, rows, { caption, onRow, foot, short = false, rowClass, id, tableClass = '', cards = true } = {}) {
  const labelOf = (c) => (typeof c?.label === 'string' ? c.label : null);
  const body = rows.map((row) => {
    const tr = h('tr', { class: [onRow ? 'is-clickable' : '', rowClass ? rowClass(row) : ''] },
      columns.map((c) => h(c.header ? 'th' : 'td', { class: [c.num ? 'num' : '', c.class], scope: c.header ? 'row' : null, 'data-label': labelOf(c) }, c.value(row))));
    if (onRow) tr.addEventListener('click', (event) => { if (!event.target.closest('a,button,input,select,textarea')) onRow(row, tr); });
    return tr;
  });
  return h('div', { class: ['table-wrap', short ? 'short' : ''] },
    h('table', { class: ['data', cards ? 'cards-on-phone' : '', tableClass], id },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : '' }, c.label)))),
      h('tbody', {}, rows.length ? body : h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, t('common.none')))),
      foot ? h('tfoot', {}, h('tr', {}, foot.map((cell, i) => h('td', { class: i && columns[i]?.num ? 'num' : '', 'data-label': i ? labelOf(columns[i]) : null }, cell)))) : null));
}

/** "第 1–50 条，共 181 条" with previous/next links that change `offset` in the URL. */
export function pager(page) {
  const { total, limit, offset } = page;
  const from = total ? offset + 1 : 0;
  const to = Math.min(offset + limit, total);
  const prev = offset > 0;
  const next = offset + limit < total;
  return h('div', { class: 'list-foot' },
    h('span', { class: 'total', 'data-total': total }, t('common.showing', { from, to, total })),
    h('div', { class: 'pager' },
      h('button', { class: 'button secondary small', type: 'button', disabled: !prev, onclick: () => setQuery({ offset: Math.max(0, offset - limit) || '' }) }, t('common.prev')),
      h('button', { class: 'button secondary small', type: 'button', disabled: !next, onclick: () => setQuery({ offset: offset + limit }) }, t('common.next'))));
}

export function card(labelText, value, tone = '') {
  return h('div', { class: `card ${tone ? `is-${tone}` : ''}` },
    h('div', { class: 'card-label' }, labelText), h('div', { class: 'card-value' }, value));
}

/** A horizontal bar for a share 0..1, with the percentage in words beside it. */
export function meter(ratio, { tone, title } = {}) {
  const pct = Math.max(0, Math.min(1, Number(ratio) || 0));
  const fill = h('span', { class: ['meter-fill', tone], 'data-width': Math.round(pct * 100) });
  // Width through CSSOM (allowed by the policy), not a style attribute.
  fill.style.width = `${pct * 100}%`;
  return h('div', { class: 'meter', title },
    h('div', { class: 'meter-track', role: 'img', 'aria-label': `${title || ''} ${percent(ratio)}` }, fill),
    h('span', { class: 'num' }, percent(ratio)));
}

export const link = (text, path, query) => h('a', { href: href(path, query) }, text);

export function loading() { return h('p', { class: 'loading' }, t('app.loading')); }

/** An error that stops a page: the API's message in words, with a retry. */
export function failure(error, retry) {
  return h('div', { class: 'notice bad', role: 'alert' },
    h('p', {}, error.status === 403 ? t('common.forbidden') : error.message),
    retry ? h('button', { class: 'button secondary', type: 'button', onclick: retry }, t('app.retry')) : null);
}

/** A modal dialog with a title and content; answers {close}. Escape and 关闭 close it. */
export function dialog(title, content) {
  const box = h('dialog', { 'aria-labelledby': 'dialog-title' },
    h('h2', { id: 'dialog-title' }, title));
  const close = () => { box.close(); box.remove(); };
  box.append(typeof content === 'function' ? content(close) : content);
  box.addEventListener('close', () => box.remove());
  document.body.append(box);
  box.showModal();
  return { close, box };
}
