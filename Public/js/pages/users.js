// 用户管理 (admins): the users of the agency (the county: of every agency), a form to create one,
// and switching a user off and on.
import { api } from '../api.js';
import { h, mount, toast } from '../dom.js';
import { t, label } from '../i18n.js';
import { setQuery } from '../router.js';
import { session } from '../session.js';
import { pageHead, table, pager, badge, dialog } from '../components/ui.js';
import { recordForm } from '../components/record-form.js';

export async function render(view, { query }) {
  const offset = Number(query.get('offset') || 0);
  const page = await api.get('/users', { limit: 50, offset });
  const agencies = session.isCounty ? session.agencies : session.agencies.filter((a) => a.id === session.agencyId);
  const create = () => dialog(t('users.new'), (close) => recordForm({
    id: 'user-form',
    specs: [
      { name: 'username', label: t('field.username'), hint: t('users.usernameHint') },
      { name: 'display_name', label: t('field.display_name') },
      { name: 'password', label: t('field.password'), type: 'password', hint: t('users.passwordHint') },
      { name: 'agency_id', label: t('field.agency_id'), type: 'select', numeric: true, options: agencies.map((a) => [a.id, a.name]), value: session.agencyId },
      { name: 'role', label: t('field.role'), type: 'select', options: 'role', value: 'editor' },
    ],
    record: null,
    save: (body) => api.post('/users', body),
    onSaved: () => { close(); toast(t('users.created')); setQuery({}); },
    onCancel: close,
  }));
  const reset = (user) => dialog(t('text.labelled', { label: t('users.reset'), value: user.display_name }), (close) => recordForm({
    specs: [{ name: 'password', label: t('users.newPassword'), type: 'password', hint: t('users.resetHint') }],
    record: { password: '', version: user.version },
    save: (body, version) => api.patch(`/users/${user.id}`, body, version),
    reload: async () => ({ ...(await api.get(`/users/${user.id}`)), password: '' }),
    onSaved: () => { close(); toast(t('users.resetDone')); setQuery({}); },
    onCancel: close,
  }));
  const toggle = async (user) => {
    try { await api.patch(`/users/${user.id}`, { active: !user.active }, user.version); setQuery({}); } catch (error) { toast(error.message); }
  };
  mount(view,
    pageHead(t('users.title'), { actions: [h('button', { class: 'button', type: 'button', id: 'new-user', onclick: create }, t('users.new'))] }),
    pager(page),
    table([
      { label: t('field.username'), value: (u) => u.username },
      { label: t('field.display_name'), header: true, value: (u) => u.display_name },
      { label: t('field.agency_id'), value: (u) => u.agency.name },
      { label: t('field.role'), value: (u) => label('role', u.role) },
      { label: t('field.status'), value: (u) => (u.active ? badge(t('field.active'), 'ok') : badge(t('users.deactivate'), 'bad')) },
      {
        label: '',
        value: (u) => h('span', { class: 'actions' },
          h('button', { class: 'button secondary small', type: 'button', onclick: () => reset(u) }, t('users.reset')),
          u.id === session.me.id ? null : h('button', { class: 'button secondary small', type: 'button', onclick: () => toggle(u) }, u.active ? t('users.deactivate') : t('users.activate'))),
      },
    ], page.items, { id: 'user-table' }));
}
