// The console's shell: signs in, draws the masthead and the navigation for the user's agency and
// role, and renders the page the URL names.
import { api, token } from './api.js';
import { h, mount, toast } from './dom.js';
import { t, label } from './i18n.js';
import { route, current, match, go } from './router.js';
import { session } from './session.js';
import { failure } from './components/ui.js';

route('/', () => import('./pages/home.js'));
route('/signin', () => import('./pages/signin.js'));
route('/entry', () => import('./pages/entry.js'));
route('/reviews', () => import('./pages/reviews.js'));
route('/projects', () => import('./pages/projects.js'));
route('/projects/new', () => import('./pages/project-new.js'));
route('/projects/:id', () => import('./pages/project.js'));
route('/parks', () => import('./pages/parks.js'));
route('/attraction', () => import('./pages/attraction.js'));
route('/land', () => import('./pages/land.js'));
route('/targets', () => import('./pages/targets.js'));
route('/statistics', () => import('./pages/statistics.js'));
route('/schemes', () => import('./pages/schemes.js'));
route('/assessments', () => import('./pages/assessments.js'));
route('/ranking', () => import('./pages/ranking.js'));
route('/notifications', () => import('./pages/notifications.js'));
route('/users', () => import('./pages/users.js'));
route('/service', () => import('./pages/service.js'));
route('/meetings', () => import('./pages/meetings.js'));
route('/meetings/:id', () => import('./pages/meetings.js'));
route('/bulletins', () => import('./pages/bulletins.js'));
route('/bulletins/:id', () => import('./pages/bulletins.js'));
route('/imports', () => import('./pages/imports.js'));

/** The navigation: [path, label key, shown?] for the signed-in user. */
function navItems() {
  return [
    ['/', 'nav.home', true],
    ['/entry', 'nav.entry', session.entersReports],
    ['/reviews', 'nav.reviews', session.reviews],
    ['/projects', 'nav.projects', true],
    ['/parks', 'nav.parks', true],
    ['/attraction', 'nav.attraction', true],
    ['/land', 'nav.land', true],
    ['/targets', 'nav.targets', session.isCounty],
    ['/statistics', 'nav.statistics', session.isCounty],
    ['/schemes', 'nav.schemes', session.isCounty],
    ['/assessments', 'nav.assessments', session.isCounty],
    ['/ranking', 'nav.ranking', true],
    ['/service', 'nav.service', session.isCounty || session.isDepartment],
    ['/meetings', 'nav.meetings', true],
    ['/bulletins', 'nav.bulletins', true],
    ['/notifications', 'nav.notifications', true],
    ['/imports', 'nav.imports', session.entersReports || session.isCounty],
    ['/users', 'nav.users', session.isAdmin],
  ].filter(([, , shown]) => shown);
}

let stream = null;

/** The unread count beside 消息, kept live by the notification stream. */
async function watchNotifications() {
  if (stream) return;
  stream = new AbortController();
  const { listen } = await import('./pages/notifications.js');
  listen((notification) => {
    toast(t('text.labelled', { label: t('nav.notifications'), value: notification.title }));
    const badge = document.querySelector('[data-nav="/notifications"] .nav-count');
    if (badge) badge.textContent = String(Number(badge.textContent || 0) + 1);
  }, stream.signal);
}

async function unreadCount(link) {
  try {
    const page = await api.get('/notifications', { unread: 'true', limit: 1 });
    if (page.total) link.append(h('span', { class: 'nav-count', 'aria-label': t('text.unread', { count: page.total }) }, String(page.total)));
  } catch { /* the count is a convenience */ }
}

function drawChrome() {
  const nav = document.getElementById('site-nav');
  const user = document.getElementById('masthead-user');
  const toggle = document.getElementById('nav-toggle');
  toggle.hidden = !session.me;
  nav.classList.remove('is-open');
  toggle.setAttribute('aria-expanded', 'false');
  if (!session.me) {
    mount(nav);
    mount(user);
    return;
  }
  const { path } = current();
  const section = `/${path.split('/')[1] || ''}`;
  mount(nav, h('ul', {}, navItems().map(([p, key]) =>
    h('li', {}, h('a', { href: `#${p}`, 'aria-current': section === p ? 'page' : null, 'data-nav': p }, t(key))))));
  const notices = nav.querySelector('[data-nav="/notifications"]');
  if (notices) unreadCount(notices);
  // The live stream holds one of the browser's few connections to the server: only the pages
  // that show messages keep it open.
  if (notices && (section === '/' || section === '/notifications')) watchNotifications();
  else { stream?.abort(); stream = null; }
  const me = session.me;
  mount(user,
    h('span', { id: 'whoami', title: me.agency.name }, session.whoami(label('role', me.role))),
    h('button', { class: 'button secondary small', type: 'button', id: 'signout', onclick: signOut }, t('signout')));
}

async function signOut() {
  try { await api.delete('/sessions/current'); } catch { /* the token is dropped either way */ }
  token.clear();
  session.clear();
  stream?.abort();
  stream = null;
  toast(t('signout.done'));
  go('/signin');
}

let rendering = 0;
async function render() {
  const main = document.getElementById('main');
  const ticket = ++rendering;
  const { path, query } = current();
  if (!token.get() && path !== '/signin') {
    go('/signin', { next: path === '/' ? '' : location.hash.slice(1) });
    return;
  }
  const page = match(path);
  // The page's module loads while the session is fetched.
  const module = page ? page.load() : null;
  module?.catch(() => {});
  if (token.get() && !session.me) {
    try {
      await session.load();
    } catch (error) {
      if (error.status === 401) return;
      mount(main, failure(error, render));
      return;
    }
  }
  if (path === '/signin' && session.me) {
    go('/');
    return;
  }
  drawChrome();
  if (!page) {
    mount(main, h('h1', {}, t('app.notFound')), h('p', {}, h('a', { href: '#/' }, t('app.backHome'))));
    return;
  }
  try {
    const loaded = await module;
    if (ticket !== rendering) return;
    const view = h('div', { class: 'page', 'data-page': page.pattern });
    mount(main, view);
    await loaded.render(view, { params: page.params, query, path });
    if (ticket === rendering) {
      main.dataset.ready = path;
      performance.mark(`page-ready ${path}`);
    }
  } catch (error) {
    if (ticket !== rendering) return;
    if (error.status === 401) return;
    mount(main, failure(error, render));
  }
}

let lastPath = null;
window.addEventListener('hashchange', () => {
  const { path } = current();
  const moved = path !== lastPath;
  lastPath = path;
  render().then(() => {
    // Focus goes where a person starts: a page's first field when it names one, else its title.
    if (moved) (document.querySelector('[data-autofocus]') || document.getElementById('page-title'))?.focus?.();
  });
});
window.addEventListener('signed-out', () => { session.clear(); go('/signin'); });
// Below 600 px the menu folds into one button (CONSOLE.md: a phone is a place of work).
document.getElementById('nav-toggle').addEventListener('click', (event) => {
  const open = document.getElementById('site-nav').classList.toggle('is-open');
  event.currentTarget.setAttribute('aria-expanded', String(open));
});
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main').focus();
});
lastPath = current().path;
render();
