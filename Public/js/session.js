// Who is signed in, and what the console offers them. The API decides every write; these rules
// (DOMAIN.md's write rules) only hide controls a user could never use.
import { api } from './api.js';

const ROUTES = 'projectyear.routes';

/**
 * What the server offers, from its OpenAPI document: paths, their query parameters, and the
 * properties of the project schema. Kept for the browser tab (it changes only with the server).
 */
async function describedRoutes() {
  const kept = sessionStorage.getItem(ROUTES);
  if (kept) return JSON.parse(kept);
  const openapi = await api.get('/openapi.json').catch(() => ({ paths: {} }));
  const paths = {};
  for (const [path, ops] of Object.entries(openapi.paths || {})) {
    paths[path] = Object.fromEntries(Object.entries(ops).map(([method, op]) => [method, { parameters: (op.parameters || []).map((p) => ({ name: p.name })) }]));
  }
  const schemas = Object.fromEntries(Object.entries(openapi.components?.schemas || {})
    .map(([name, schema]) => [name, { properties: Object.fromEntries(Object.keys(schema.properties || {}).map((k) => [k, true])) }]));
  const described = { paths, components: { schemas } };
  sessionStorage.setItem(ROUTES, JSON.stringify(described));
  return described;
}

export const session = {
  me: null,
  agencies: [],
  byId: new Map(),
  /** "METHOD path" of every route the server documents (/api/v1/openapi.json). */
  routes: new Set(),
  /** "METHOD path" → the names of its query parameters. */
  parameters: new Map(),

  async load() {
    const [me, agencies, openapi] = await Promise.all([
      api.get('/me'),
      api.get('/agencies', { limit: 500 }),
      describedRoutes(),
    ]);
    this.me = me;
    this.agencies = agencies.items;
    this.byId = new Map(agencies.items.map((a) => [a.id, a]));
    this.schemas = openapi.components?.schemas || {};
    this.routes = new Set();
    this.parameters = new Map();
    for (const [path, ops] of Object.entries(openapi.paths || {})) {
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${path.replace('/api/v1', '')}`;
        this.routes.add(key);
        this.parameters.set(key, new Set((op.parameters || []).map((p) => p.name)));
      }
    }
  },

  clear() {
    this.me = null;
    sessionStorage.removeItem(ROUTES);
  },

  /** Whether the server has a route, e.g. has('GET /reviews'). */
  has(route) { return this.routes.has(route); },
  /** The documented route ("GET /targets/{year}") a concrete path ("/targets/2026") belongs to. */
  routeOf(method, path) {
    for (const key of this.routes) {
      const [m, template] = key.split(' ');
      if (m !== method) continue;
      if (new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path)) return key;
    }
    return null;
  },
  /** Whether a documented schema has a property, e.g. schemaHas('Project', 'national_code'). */
  schemaHas(schema, property) { return Boolean(this.schemas?.[schema]?.properties?.[property]); },
  /** Whether a route takes a query parameter, e.g. takes('GET /projects', 'format'). */
  takes(route, name) { return this.parameters.get(route)?.has(name) ?? false; },

  agencyName(id) { return this.byId.get(id)?.name ?? (id ? `#${id}` : '—'); },
  ofKind(kind) { return this.agencies.filter((a) => a.kind === kind); },

  get kind() { return this.me?.agency.kind; },
  get agencyId() { return this.me?.agency.id; },
  get isCounty() { return this.kind === 'county'; },
  get isDistrict() { return this.kind === 'district'; },
  get isDepartment() { return this.kind === 'department'; },
  get writes() { return this.me && this.me.role !== 'viewer'; },
  get isAdmin() { return this.me?.role === 'admin'; },
  get countyWrites() { return this.writes && this.isCounty; },
  /** 单位 · 姓名（角色）, leaving out what the name already says (no "填报员 · 填报员"). */
  whoami(roleLabel) {
    const { display_name: name, agency } = this.me;
    const full = name.includes(agency.name) ? name : `${agency.name} · ${name}`;
    return full.includes(roleLabel) || roleLabel.includes(name) ? full : `${full}（${roleLabel}）`;
  },

  /** District editors edit projects located in their district; county editors any. */
  canEditProject(project) {
    return this.writes && (this.isCounty || (this.isDistrict && project.district_id === this.agencyId));
  },
  canCreateProject() { return this.writes && (this.isCounty || this.isDistrict); },
  /** Approvals: the handling department and the county. */
  canEditApproval(approval) {
    return this.writes && (this.isCounty || (this.isDepartment && approval.department_id === this.agencyId));
  },
  canAddApproval() { return this.writes && (this.isCounty || this.isDepartment); },
  /** Problems: the project's district, the assigned department, the county. */
  canEditProblem(project, problem) {
    return this.canEditProject(project) || (this.writes && this.isDepartment && problem?.department_id === this.agencyId);
  },
  /** Reviewers: county editors and the editors of the project's lead department. */
  get reviews() { return this.writes && (this.isCounty || this.isDepartment); },
  canReview(project) {
    return this.writes && (this.isCounty || (this.isDepartment && project.lead_department_id === this.agencyId));
  },
  /** Monthly entry: districts and the county enter reports. */
  get entersReports() { return this.writes && (this.isCounty || this.isDistrict); },
};
