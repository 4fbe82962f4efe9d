// Hash routes: #/projects?stage=construction&offset=50. Every filter lives in the URL, so a
// page can be bookmarked, shared and reached with the back button.

const routes = [];

/** Registers a page: `pattern` like '/projects/:id', `load` a function importing its module. */
export function route(pattern, load) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, n) => { names.push(n); return '([^/]+)'; })}$`);
  routes.push({ regex, names, load, pattern });
}

/** The current location: path, named parameters and the query. */
export function current() {
  const raw = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const [path, query = ''] = raw.split('?');
  return { path, query: new URLSearchParams(query) };
}

/** The page for a path, with its parameters. */
export function match(path) {
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (m) return { ...r, params: Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

/** A link target: href('/projects', {stage: 'construction'}). Empty values are left out. */
export function href(path, query = {}) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '' && v !== false) search.set(k, v);
  }
  const qs = search.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

/** Goes to a path (adds a history entry). */
export function go(path, query) {
  const target = href(path, query);
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
}

/** Replaces the query of the current page (filters), keeping the path. */
export function setQuery(changes, { replace = false } = {}) {
  const { path, query } = current();
  const next = Object.fromEntries(query.entries());
  Object.assign(next, changes);
  const target = href(path, next);
  if (replace) {
    history.replaceState(null, '', target);
  } else if (location.hash === target) {
    window.dispatchEvent(new HashChangeEvent('hashchange')); // the same filters: show the page afresh
  } else {
    location.hash = target;
  }
}
