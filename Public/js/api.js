// The console's only door to the server: the same /api/v1 every client uses. Adds the bearer
// token (kept in sessionStorage, never in a URL), If-Match for versioned writes, asks for Chinese
// (Accept-Language: zh-CN: the server writes every problem's words in the county's language), and
// turns problem+json answers into ApiError with the field errors by field.

import { t } from './i18n.js';

const BASE = '/api/v1';
const TOKEN = 'projectyear.token';

export const token = {
  get: () => sessionStorage.getItem(TOKEN),
  set: (value) => sessionStorage.setItem(TOKEN, value),
  clear: () => sessionStorage.removeItem(TOKEN),
};

/**
 * A failed request: `status`, the problem's `code` (what programs react to) and `detail` (what
 * people read), `fields` (field → message) and, for 412, `currentVersion`.
 */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code;
    this.problem = problem;
    this.fields = {};
    for (const e of problem.errors || []) this.fields[e.field] = e.message;
    this.currentVersion = problem.current_version;
  }
}

function url(path, query) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') search.set(k, v);
  }
  const qs = search.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(method, path, { query, body, version, raw, contentType, accept } = {}) {
  const headers = { Accept: accept || 'application/json', 'Accept-Language': 'zh-CN' };
  const t = token.get();
  if (t) headers.Authorization = `Bearer ${t}`;
  if (version !== undefined && version !== null) headers['If-Match'] = `"${version}"`;
  let payload;
  if (raw !== undefined) {
    payload = raw;
    headers['Content-Type'] = contentType || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url(path, query), { method, headers, body: payload });
  } catch {
    throw new ApiError(0, { detail: t('errors.network') });
  }
  if (response.status === 401 && path !== '/sessions') {
    token.clear();
    window.dispatchEvent(new CustomEvent('signed-out'));
  }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch { problem = { detail: response.statusText }; }
    throw new ApiError(response.status, problem);
  }
  return response;
}

async function json(method, path, options) {
  const response = await send(method, path, options);
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  get: (path, query) => json('GET', path, { query }),
  post: (path, body, options = {}) => json('POST', path, { ...options, body }),
  put: (path, body, version) => json('PUT', path, { body, version }),
  patch: (path, body, version) => json('PATCH', path, { body, version }),
  delete: (path, version) => json('DELETE', path, { version }),

  /** A resource with the version its ETag names (for resources whose body has no version). */
  async versioned(path, query) {
    const response = await send('GET', path, { query });
    const etag = response.headers.get('ETag');
    return { data: await response.json(), version: etag ? Number(etag.replace(/\D/g, '')) : null };
  },

  /** Every item of a list, page by page (limit 500). */
  async all(path, query = {}) {
    const items = [];
    for (let offset = 0; ; offset += 500) {
      const page = await json('GET', path, { query: { ...query, limit: 500, offset } });
      items.push(...page.items);
      if (items.length >= page.total || page.items.length === 0) return items;
    }
  },

  /** Sends a file as the body (uploads, imports); answers the JSON reply. */
  upload: (path, file, query) => json('POST', path, { query, raw: file, contentType: file.type || 'application/octet-stream' }),

  /** A file's bytes as an object URL, for thumbnails (the token stays in a header). */
  async objectURL(path) {
    const response = await send('GET', path, { accept: '*/*' });
    return URL.createObjectURL(await response.blob());
  },

  /**
   * Downloads a file through fetch (so the token stays in a header) and saves it under the name the
   * server gives it; with `file`, the file is POSTed and the answer saved (an import's error sheet).
   */
  async download(path, query, { file } = {}) {
    const upload = file ? { raw: file, contentType: file.type || 'application/octet-stream' } : {};
    const response = await send(file ? 'POST' : 'GET', path, { query, accept: '*/*', ...upload });
    // RFC 6266: the UTF-8 name in filename* (项目库-2026-12-06.xlsx), not the ASCII fallback.
    const utf8 = /filename\*=UTF-8''([^;\s]+)/i.exec(response.headers.get('Content-Disposition'));
    const name = decodeURIComponent(utf8[1]);
    const blob = await response.blob();
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 1000);
  },
};
