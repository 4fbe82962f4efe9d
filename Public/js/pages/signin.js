// 登录: username and password; the token goes to sessionStorage and the user to where they were going.
import { api, token } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { go } from '../router.js';
import { field, showErrors } from '../components/form.js';
import { site } from '../site.js';

export async function render(view, { query }) {
  document.title = `${t('signin.title')} · ${t('app.title')}`;
  const form = h('form', { novalidate: true, id: 'signin-form' },
    field({ name: 'username', label: t('signin.username'), autocomplete: 'username', required: true }),
    field({ name: 'password', label: t('signin.password'), type: 'password', autocomplete: 'current-password', required: true }),
    h('button', { class: 'button', type: 'submit', id: 'signin-submit' }, t('signin.submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const username = form.elements.username.value.trim();
    const password = form.elements.password.value;
    try {
      const session = await api.post('/sessions', { username, password });
      token.set(session.token);
      const next = query.get('next');
      // The leading group (county viewers) comes for the ranking board (CONSOLE.md).
      const landing = session.user.agency.kind === 'county' && session.user.role === 'viewer' ? '/ranking' : '/';
      go(next && next.startsWith('/') && !next.startsWith('/signin') ? next.split('?')[0] : landing,
        next && next.includes('?') ? Object.fromEntries(new URLSearchParams(next.split('?')[1])) : undefined);
    } catch (error) {
      if (error.status === 401) error.message = t('signin.failed');
      if (error.status === 429) error.message = t('signin.tooMany');
      showErrors(form, error);
    }
  });
  const { county, help } = await site();
  form.elements.username.dataset.autofocus = '';
  mount(view, h('div', { class: 'signin' },
    county ? h('p', { class: 'signin-county', id: 'signin-county' }, t('signin.county', { county })) : null,
    h('h1', { id: 'page-title', tabindex: '-1' }, t('signin.title')),
    h('div', { class: 'panel' }, form),
    help ? h('p', { class: 'signin-help muted', id: 'signin-help' }, help) : null));
  form.elements.username.focus();
}
