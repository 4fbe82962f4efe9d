// 消息: the agency's notifications (reminders, returned reports, 督办, published results), newest
// first; marking read is per user. New ones arrive live through the event stream.
import { api, token } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t, label } from '../i18n.js';
import { href, setQuery } from '../router.js';
import { dateTime } from '../format.js';
import { session } from '../session.js';
import { pageHead, pager, badge } from '../components/ui.js';

/** Where a message's subject is worked on: a report's (or a due month's) row of the entry grid
 * for clerks, the review queue, the ranking board, the bulletin, else its project (a problem's
 * too: problems are handled on their project's page). */
function subjectLink(n) {
  const month = n.month?.slice(0, 7);
  const { type, id, project_id: project } = n.subject ?? {};
  if (type === 'report' && month && session.entersReports) return href('/entry', { month, report: id });
  if (type === 'report' && month && session.reviews) return href('/reviews', { status: 'returned', month });
  if (type === 'project' && month && session.entersReports && /^report_/.test(n.kind)) return href('/entry', { month, row: id });
  if (type === 'assessment') return href('/ranking');
  if (type === 'bulletin') return href(`/bulletins/${id}`);
  if (project) return href(`/projects/${project}`);
  return null;
}

/** A list of notifications; `compact` for the home page. */
export async function notificationList({ unread, limit = 50, offset = 0, compact = false }) {
  const page = await api.get('/notifications', { unread: unread ? 'true' : '', limit, offset });
  const list = h('ul', { class: 'notifications', id: 'notification-list' }, page.items.map((n) => {
    const link = subjectLink(n);
    const item = h('li', { class: ['notification', n.read ? 'is-read' : 'is-unread'] },
      h('div', {}, n.read ? null : badge(t('notifications.unread'), 'info'), ' ', h('strong', {}, link ? h('a', { href: link }, n.title) : n.title),
        ' ', h('span', { class: 'muted' }, `${label('notice', n.kind)} · ${dateTime(n.created_at)}`)),
      n.body ? h('p', {}, n.body) : null,
      n.read ? null : h('button', {
        class: 'link-button', type: 'button',
        onclick: async () => { await api.post(`/notifications/${n.id}/read`); item.classList.replace('is-unread', 'is-read'); item.querySelector('.badge')?.remove(); item.querySelector('button')?.remove(); },
      }, t('home.markRead')));
    return item;
  }));
  if (!page.items.length) return h('p', { class: 'muted' }, unread ? t('home.noNotifications') : t('common.none'));
  return h('div', {},
    compact ? null : pager(page),
    list,
    h('button', { class: 'button secondary small', type: 'button', onclick: async () => { await api.post('/notifications/read-all'); toast(t('common.saved')); setQuery({}); } }, t('home.markAllRead')),
    compact && page.total > limit ? h('p', {}, h('a', { href: href('/notifications', { unread: 'true' }) }, `${t('common.total', { total: page.total })} ›`)) : null);
}

/**
 * Reads the server-sent event stream with fetch (EventSource cannot send the token in a header),
 * reconnecting after a pause with Last-Event-ID so that nothing is missed.
 */
export function listen(onNotification, signal) {
  let lastId = null;
  const run = async () => {
    const headers = { Authorization: `Bearer ${token.get()}`, Accept: 'text/event-stream' };
    if (lastId) headers['Last-Event-ID'] = lastId;
    const response = await fetch('/api/v1/notifications/stream', { headers, signal });
    if (!response.ok || !response.body) return false;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return true;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const id = block.find((l) => l.startsWith('id:'));
        if (id) lastId = id.slice(3).trim();
        const data = block.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
        if (data) { try { onNotification(JSON.parse(data)); } catch { /* not a notification */ } }
      }
    }
  };
  const loop = async () => {
    let again = false;
    try { again = await run(); } catch { again = !signal.aborted; }
    if (again && !signal.aborted && token.get()) setTimeout(loop, 5000);
  };
  loop();
}

export async function render(view, { query }) {
  const unread = query.get('unread') === 'true';
  const offset = Number(query.get('offset') || 0);
  const filter = h('div', { class: 'filters' },
    h('div', { class: 'field checkbox' },
      h('input', { type: 'checkbox', id: 'unread-only', checked: unread, onchange: (e) => setQuery({ unread: e.target.checked ? 'true' : '', offset: '' }) }),
      h('label', { for: 'unread-only' }, t('notifications.unreadOnly'))));
  mount(view, pageHead(t('notifications.title')), filter, await notificationList({ unread, offset }));
}
