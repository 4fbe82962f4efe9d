// Who is signed in, and what the console offers them. The API decides every write; these rules
// (DOMAIN.md's write rules) only hide controls a user could never use.
import { api } from './api.js';
import { t } from './i18n.js';

export const session = {
  me: null,
  agencies: [],
  byId: new Map(),

  /** Reads the signed-in user and the agency list (names for ids). */
  async load() {
    const [me, agencies] = await Promise.all([api.get('/me'), api.get('/agencies', { limit: 500 })]);
    this.me = me;
    this.agencies = agencies.items;
    this.byId = new Map(agencies.items.map((a) => [a.id, a]));
  },

  clear() {
    this.me = null;
  },

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
    return full.includes(roleLabel) || roleLabel.includes(name) ? full : t('text.note', { text: full, note: roleLabel });
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
