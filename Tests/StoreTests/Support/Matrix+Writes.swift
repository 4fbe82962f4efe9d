import Campaign
import Postgres
import Store
import TestSupport

extension Matrix {
    static let denied = "42501"

    /// `ok N` when `allowed`, else `otherwise`.
    static func rule(_ allowed: @escaping (Actor) -> Bool, _ rows: Int = 1, otherwise: String) -> (Actor) -> String {
        { allowed($0) ? "ok \(rows)" : otherwise }
    }

    /// County editors and admins.
    static func countyWriter(_ a: Actor) -> Bool { a.isCounty && a.writes }
    /// Editors and admins of the county or of one of `codes`.
    static func writer(_ codes: String...) -> (Actor) -> Bool {
        { a in a.writes && (a.isCounty || codes.contains(a.code)) }
    }

    /// An insert: allowed → `ok 1`, else refused (42501). An update or delete: allowed → `ok 1`,
    /// else no row is touched (`ok 0`: rows one may not write are as if absent).
    static func insert(_ allowed: @escaping (Actor) -> Bool) -> (Actor) -> String { rule(allowed, otherwise: denied) }
    static func change(_ allowed: @escaping (Actor) -> Bool) -> (Actor) -> String { rule(allowed, otherwise: "ok 0") }

    /// Moving a row out of reach: `mover` may, `stuck` sees the row but may not put it there
    /// (42501), everybody else touches nothing.
    static func move(_ mover: @escaping (Actor) -> Bool, refused stuck: @escaping (Actor) -> Bool) -> (Actor) -> String {
        { a in mover(a) ? "ok 1" : stuck(a) ? denied : "ok 0" }
    }

    var writes: [Write] {
        let w = world
        let (drc, iit, d1, d2) = (w.ag("DRC"), w.ag("IIT"), w.ag("D1"), w.ag("D2"))
        func q(_ query: Query) -> (Actor) -> [Query] { { _ in [query] } }
        let countyWriter = Self.countyWriter
        return [
            // projects
            Write(name: "insert project in D1 (default lead)",
                  sql: q("INSERT INTO app.projects (code, name, category, district_id) VALUES ('N1', 'n', 'industry', \(d1)) RETURNING (lead_department_id = \(iit))::text"),
                  expect: Self.rule(Self.writer("D1"), otherwise: Self.denied) >>> { $0 == "ok 1" ? "ok 1 true" : $0 }),
            Write(name: "insert project in D2",
                  sql: q("INSERT INTO app.projects (code, name, category, district_id, lead_department_id) VALUES ('N2', 'n', 'industry', \(d2), \(drc))"),
                  expect: Self.insert(Self.writer("D2"))),
            Write(name: "update P1", sql: q("UPDATE app.projects SET name = 'renamed' WHERE id = \(w.id("P1"))"),
                  expect: Self.change(Self.writer("D1"))),
            Write(name: "move P1 to D2", sql: q("UPDATE app.projects SET district_id = \(d2) WHERE id = \(w.id("P1"))"),
                  expect: Self.move(countyWriter, refused: { $0.writes && $0.code == "D1" })),
            Write(name: "delete P2", sql: q("DELETE FROM app.projects WHERE id = \(w.id("P2"))"), expect: { _ in Self.denied }),
            Write(name: "P1 stage back", sql: q("UPDATE app.projects SET stage = 'preliminary' WHERE id = \(w.id("P1"))"),
                  expect: { a in countyWriter(a) ? "ok 1" : a.writes && a.code == "D1" ? "23514 projects_stage_forward" : "ok 0" }),
            Write(name: "P1 lead department a district", sql: q("UPDATE app.projects SET lead_department_id = \(d2) WHERE id = \(w.id("P1"))"),
                  expect: { a in Self.writer("D1")(a) ? "23503 projects_lead_department_id_kind" : "ok 0" }),
            // monthly reports
            Write(name: "insert report of P1",
                  sql: q("INSERT INTO app.monthly_reports (project_id, month) VALUES (\(w.id("P1")), '2024-02-01')"),
                  expect: Self.insert(Self.writer("D1"))),
            Write(name: "insert report of P2",
                  sql: q("INSERT INTO app.monthly_reports (project_id, month) VALUES (\(w.id("P2")), '2024-02-01')"),
                  expect: Self.insert(Self.writer("D2"))),
            // (DRC leads P1: its editors review R1 and so reach the row, but may not write its content)
            Write(name: "update R1", sql: q("UPDATE app.monthly_reports SET progress = 'x' WHERE id = \(w.id("R1"))"),
                  expect: { a in Self.writer("D1")(a) ? "ok 1" : a.writes && a.code == "DRC" ? Self.denied : "ok 0" }),
            Write(name: "move R1 to P2", sql: q("UPDATE app.monthly_reports SET project_id = \(w.id("P2")), month = '2023-12-01' WHERE id = \(w.id("R1"))"),
                  expect: Self.move(countyWriter, refused: { $0.writes && ["D1", "DRC"].contains($0.code) })),
            Write(name: "delete R1", sql: q("DELETE FROM app.monthly_reports WHERE id = \(w.id("R1"))"),
                  expect: Self.change(Self.writer("D1"))),
            // attachments: as the monthly reports; their content only before the attachment exists
            Write(name: "insert attachment of P1",
                  sql: q("INSERT INTO app.attachments (project_id, filename, content_type, size, sha256) VALUES (\(w.id("P1")), 'a.pdf', 'application/pdf', 1, repeat('c', 64))"),
                  expect: Self.insert(Self.writer("D1"))),
            Write(name: "insert attachment of P2",
                  sql: q("INSERT INTO app.attachments (project_id, filename, content_type, size, sha256) VALUES (\(w.id("P2")), 'a.pdf', 'application/pdf', 1, repeat('c', 64))"),
                  expect: Self.insert(Self.writer("D2"))),
            Write(name: "delete AT1", sql: q("DELETE FROM app.attachments WHERE id = \(w.id("AT1"))"), expect: Self.change(Self.writer("D1"))),
            Write(name: "change AT1", sql: q("UPDATE app.attachments SET filename = 'x' WHERE id = \(w.id("AT1"))"), expect: { _ in Self.denied }),
            Write(name: "insert content of a new attachment",
                  sql: q("INSERT INTO app.attachment_chunks (attachment_id, seq, data) VALUES (nextval('app.attachments_id_seq'), 0, '\\x00')"),
                  expect: Self.insert { $0.writes }),
            Write(name: "insert content into AT2",
                  sql: q("INSERT INTO app.attachment_chunks (attachment_id, seq, data) VALUES (\(w.id("AT2")), 1, '\\x00')"),
                  expect: { _ in Self.denied }),
            // funding
            Write(name: "insert funding of P1",
                  sql: q("INSERT INTO app.funding_sources (project_id, kind, planned_amount) VALUES (\(w.id("P1")), 'self_raised', 5)"),
                  expect: Self.insert(Self.writer("D1"))),
            Write(name: "insert funding of P2",
                  sql: q("INSERT INTO app.funding_sources (project_id, kind, planned_amount) VALUES (\(w.id("P2")), 'self_raised', 5)"),
                  expect: Self.insert(Self.writer("D2"))),
            Write(name: "update F1", sql: q("UPDATE app.funding_sources SET amount_in_place = 9 WHERE id = \(w.id("F1"))"),
                  expect: Self.change(Self.writer("D1"))),
            Write(name: "move F1 to P2", sql: q("UPDATE app.funding_sources SET project_id = \(w.id("P2")) WHERE id = \(w.id("F1"))"),
                  expect: Self.move(countyWriter, refused: { $0.writes && $0.code == "D1" })),
            Write(name: "delete F1", sql: q("DELETE FROM app.funding_sources WHERE id = \(w.id("F1"))"),
                  expect: Self.change(Self.writer("D1"))),
            // approvals: the county and the handling department, never the district
            Write(name: "insert approval of P1 for DRC",
                  sql: q("INSERT INTO app.approvals (project_id, kind, department_id) VALUES (\(w.id("P1")), 'land', \(drc))"),
                  expect: Self.insert(Self.writer("DRC"))),
            Write(name: "insert approval of unseen P2 for DRC",
                  sql: q("INSERT INTO app.approvals (project_id, kind, department_id) VALUES (\(w.id("P2")), 'land', \(drc))"),
                  expect: Self.insert(countyWriter)),
            Write(name: "insert approval of P1 for IIT",
                  sql: q("INSERT INTO app.approvals (project_id, kind, department_id) VALUES (\(w.id("P1")), 'land', \(iit))"),
                  expect: Self.insert(countyWriter)),
            Write(name: "update A3 (DRC's)", sql: q("UPDATE app.approvals SET applied_on = '2024-01-01' WHERE id = \(w.id("A3"))"),
                  expect: Self.change(Self.writer("DRC"))),
            Write(name: "hand A5 from IIT to DRC", sql: q("UPDATE app.approvals SET department_id = \(drc) WHERE id = \(w.id("A5"))"),
                  expect: Self.move(countyWriter, refused: { $0.writes && $0.code == "IIT" })),
            Write(name: "delete A1 (DRC's)", sql: q("DELETE FROM app.approvals WHERE id = \(w.id("A1"))"),
                  expect: Self.change(Self.writer("DRC"))),
            // problems: the county, the project's district, the assigned department
            Write(name: "insert problem of P4",
                  sql: q("INSERT INTO app.problems (project_id, kind, description) VALUES (\(w.id("P4")), 'other', 'new')"),
                  expect: Self.insert(Self.writer("D2"))),
            Write(name: "update X4 (AGR's)", sql: q("UPDATE app.problems SET status = 'in_progress' WHERE id = \(w.id("X4"))"),
                  expect: Self.change(Self.writer("D2", "AGR"))),
            Write(name: "hand X4 from AGR to DRC", sql: q("UPDATE app.problems SET department_id = \(drc) WHERE id = \(w.id("X4"))"),
                  expect: Self.move(Self.writer("D2"), refused: { $0.writes && $0.code == "AGR" })),
            Write(name: "delete X1 (unassigned)", sql: q("DELETE FROM app.problems WHERE id = \(w.id("X1"))"),
                  expect: Self.change(Self.writer("D1"))),
            Write(name: "delete X4 (AGR's)", sql: q("DELETE FROM app.problems WHERE id = \(w.id("X4"))"),
                  expect: Self.change(Self.writer("D2", "AGR"))),
            // parks and their items
            Write(name: "insert park", sql: q("INSERT INTO app.parks (name, district_id, standard) VALUES ('new park', \(d1), 'six_one')"),
                  expect: Self.insert(countyWriter)),
            Write(name: "update park 1", sql: q("UPDATE app.parks SET standard = 'eight_one' WHERE id = \(w.id("PK1"))"),
                  expect: Self.change(countyWriter)),
            Write(name: "delete spare park", sql: q("DELETE FROM app.parks WHERE id = \(w.id("PK3"))"), expect: Self.change(countyWriter)),
            Write(name: "insert park 1 item",
                  sql: q("INSERT INTO app.park_items (park_id, item) VALUES (\(w.id("PK1")), 'power')"),
                  expect: Self.insert(Self.writer("D1"))),
            Write(name: "insert park 1 item outside its standard",
                  sql: q("INSERT INTO app.park_items (park_id, item) VALUES (\(w.id("PK1")), 'heating')"),
                  expect: { _ in "23514 park_items_item_standard" }),
            Write(name: "update PI2", sql: q("UPDATE app.park_items SET status = 'building' WHERE id = \(w.id("PI2"))"),
                  expect: Self.change(Self.writer("D2"))),
            Write(name: "delete PI2", sql: q("DELETE FROM app.park_items WHERE id = \(w.id("PI2"))"),
                  expect: Self.change(Self.writer("D2"))),
            // land
            Write(name: "insert land quota", sql: q("INSERT INTO app.land_quotas (year, quota_mu) VALUES (2025, 50)"),
                  expect: Self.insert(countyWriter)),
            Write(name: "raise land quota", sql: q("UPDATE app.land_quotas SET quota_mu = 200 WHERE year = 2024"),
                  expect: Self.change(countyWriter)),
            Write(name: "shrink land quota below use", sql: q("UPDATE app.land_quotas SET quota_mu = 40 WHERE year = 2024"),
                  expect: { countyWriter($0) ? "23514 land_quotas_quota_allocated" : "ok 0" }),
            Write(name: "delete unused land quota", sql: q("DELETE FROM app.land_quotas WHERE year = 2026"),
                  expect: Self.change(countyWriter)),
            Write(name: "allocate land to P1",
                  sql: q("INSERT INTO app.land_allocations (year, project_id, area_mu) VALUES (2024, \(w.id("P1")), 5)"),
                  expect: Self.insert(countyWriter)),
            Write(name: "allocate reserve to non-major P2",
                  sql: q("INSERT INTO app.land_allocations (year, project_id, area_mu, from_reserve) VALUES (2024, \(w.id("P2")), 1, true)"),
                  expect: { countyWriter($0) ? "23514 land_allocations_reserve_major" : Self.denied }),
            Write(name: "allocate beyond the quota",
                  sql: q("INSERT INTO app.land_allocations (year, project_id, area_mu) VALUES (2024, \(w.id("P1")), 60)"),
                  expect: { countyWriter($0) ? "23514 land_allocations_quota" : Self.denied }),
            Write(name: "update L1", sql: q("UPDATE app.land_allocations SET area_mu = 25 WHERE id = \(w.id("L1"))"),
                  expect: Self.change(countyWriter)),
            Write(name: "delete L1", sql: q("DELETE FROM app.land_allocations WHERE id = \(w.id("L1"))"),
                  expect: Self.change(countyWriter)),
            // attraction
            Write(name: "insert team", sql: q("INSERT INTO app.attraction_teams (name, lead_department_id) VALUES ('T-new', \(iit))"),
                  expect: Self.insert(countyWriter)),
            Write(name: "update T-IIT", sql: q("UPDATE app.attraction_teams SET name = 'T-renamed' WHERE id = \(w.id("T-IIT"))"),
                  expect: Self.change(countyWriter)),
            Write(name: "delete T-AGR", sql: q("DELETE FROM app.attraction_teams WHERE id = \(w.id("T-AGR"))"),
                  expect: Self.change(countyWriter)),
            Write(name: "insert deal of T-IIT",
                  sql: q("INSERT INTO app.deals (team_id, investor, investor_kind, signed_on, district_id) VALUES (\(w.id("T-IIT")), 'new', 'private', '2024-05-01', \(d2))"),
                  expect: Self.insert(Self.writer("IIT"))),
            Write(name: "update DL1 (T-IIT's)", sql: q("UPDATE app.deals SET signed_amount = 1 WHERE id = \(w.id("DL1"))"),
                  expect: Self.change(Self.writer("IIT"))),
            Write(name: "move DL1 to T-DRC", sql: q("UPDATE app.deals SET team_id = \(w.id("T-DRC")) WHERE id = \(w.id("DL1"))"),
                  expect: Self.move(countyWriter, refused: { $0.writes && $0.code == "IIT" })),
            Write(name: "delete DL1", sql: q("DELETE FROM app.deals WHERE id = \(w.id("DL1"))"), expect: Self.change(Self.writer("IIT"))),
            Write(name: "insert receipt of DL1",
                  sql: q("INSERT INTO app.receipts (deal_id, received_on, amount) VALUES (\(w.id("DL1")), '2024-06-01', 1)"),
                  expect: Self.insert(Self.writer("IIT"))),
            Write(name: "update RC2 (T-DRC's)", sql: q("UPDATE app.receipts SET amount = 2 WHERE id = \(w.id("RC2"))"),
                  expect: Self.change(Self.writer("DRC"))),
            Write(name: "delete RC2", sql: q("DELETE FROM app.receipts WHERE id = \(w.id("RC2"))"), expect: Self.change(Self.writer("DRC"))),
            // targets, statistics, schemes: county-only
            Write(name: "insert target", sql: q("INSERT INTO app.targets (year, agency_id, indicator, amount) VALUES (2025, \(d1), 'fai', 1)"),
                  expect: Self.insert(countyWriter)),
            Write(name: "update TG-D1", sql: q("UPDATE app.targets SET amount = 1 WHERE id = \(w.id("TG-D1"))"),
                  expect: Self.change(countyWriter)),
            Write(name: "delete TG-D1", sql: q("DELETE FROM app.targets WHERE id = \(w.id("TG-D1"))"), expect: Self.change(countyWriter)),
            Write(name: "insert statistic", sql: q("INSERT INTO app.fai_statistics (agency_id, month, amount) VALUES (\(d1), '2024-02-01', 1)"),
                  expect: Self.insert(countyWriter)),
            Write(name: "update S-D1", sql: q("UPDATE app.fai_statistics SET amount = 1 WHERE id = \(w.id("S-D1"))"),
                  expect: Self.change(countyWriter)),
            Write(name: "delete S-D1", sql: q("DELETE FROM app.fai_statistics WHERE id = \(w.id("S-D1"))"), expect: Self.change(countyWriter)),
            Write(name: "insert scheme", sql: q("INSERT INTO app.assessment_schemes (year, scheme) VALUES (2025, '{}')"),
                  expect: Self.insert(countyWriter)),
            Write(name: "update scheme", sql: q("UPDATE app.assessment_schemes SET scheme = '{}' WHERE year = 2024"),
                  expect: Self.change(countyWriter)),
            Write(name: "delete scheme", sql: q("DELETE FROM app.assessment_schemes WHERE year = 2024"), expect: Self.change(countyWriter)),
            // assessment runs: the county queues and publishes; results are the worker's
            Write(name: "queue a run", sql: q("INSERT INTO app.assessment_runs (year, period) VALUES (2024, 'Q3')"),
                  expect: Self.insert(countyWriter)),
            Write(name: "publish the draft", sql: q("UPDATE app.assessment_runs SET status = 'published' WHERE id = \(w.id("RUN-DRAFT"))"),
                  expect: Self.change(countyWriter)),
            Write(name: "change the published run", sql: q("UPDATE app.assessment_runs SET error = 'x' WHERE id = \(w.id("RUN-PUB"))"),
                  expect: { countyWriter($0) ? "55000 assessment_runs_published_immutable" : "ok 0" }),
            Write(name: "delete the draft", sql: q("DELETE FROM app.assessment_runs WHERE id = \(w.id("RUN-DRAFT"))"),
                  expect: Self.change(countyWriter)),
            Write(name: "insert results",
                  sql: q("INSERT INTO app.assessment_results (run_id, agency_id, group_kind) VALUES (\(w.id("RUN-DRAFT")), \(d2), 'district')"),
                  expect: { _ in Self.denied }),
            // agencies and users: admins
            Write(name: "insert agency", sql: q("INSERT INTO app.agencies (code, name, kind) VALUES ('D9', 'd9', 'district')"),
                  expect: Self.insert { $0.isCounty && $0.role == .admin }),
            Write(name: "rename D2", sql: q("UPDATE app.agencies SET name = 'renamed' WHERE id = \(d2)"),
                  expect: Self.change { $0.isCounty && $0.role == .admin }),
            Write(name: "insert user of own agency", sql: { a in
                ["INSERT INTO app.users (agency_id, username, display_name, role, password_hash) VALUES (\(a.agencyID), 'newbie', 'New', 'viewer', 'x')"]
            }, expect: Self.insert { $0.role == .admin }),
            Write(name: "insert user of D2",
                  sql: q("INSERT INTO app.users (agency_id, username, display_name, role, password_hash) VALUES (\(d2), 'newbie', 'New', 'viewer', 'x')"),
                  expect: Self.insert { $0.role == .admin && ($0.isCounty || $0.code == "D2") }),
            Write(name: "update d1-viewer", sql: q("UPDATE app.users SET display_name = 'renamed' WHERE username = 'd1-viewer'"),
                  expect: Self.change { $0.role == .admin && ($0.isCounty || $0.code == "D1") }),
            Write(name: "move d1-viewer to D2", sql: q("UPDATE app.users SET agency_id = \(d2) WHERE username = 'd1-viewer'"),
                  expect: Self.move({ $0.isCounty && $0.role == .admin }, refused: { $0.code == "D1" && $0.role == .admin })),
            Write(name: "read password hashes", sql: q("SELECT password_hash FROM app.users"), expect: { _ in Self.denied }),
            // county reference data
            Write(name: "update category lead", sql: q("UPDATE app.category_lead_departments SET department_id = \(iit) WHERE category = 'services'"),
                  expect: Self.change(countyWriter)),
            Write(name: "insert category lead", sql: q("INSERT INTO app.category_lead_departments (category, department_id) VALUES ('social', \(drc))"),
                  expect: Self.insert(countyWriter)),
            Write(name: "delete category lead", sql: q("DELETE FROM app.category_lead_departments WHERE category = 'agriculture'"),
                  expect: Self.change(countyWriter)),
            Write(name: "insert platform", sql: q("INSERT INTO app.financing_platforms (name) VALUES ('平台二')"),
                  expect: Self.insert(countyWriter)),
            Write(name: "update FP1", sql: q("UPDATE app.financing_platforms SET note = 'n' WHERE id = \(w.id("FP1"))"),
                  expect: Self.change(countyWriter)),
            Write(name: "delete FP1", sql: q("DELETE FROM app.financing_platforms WHERE id = \(w.id("FP1"))"),
                  expect: Self.change(countyWriter)),
            // sign-in goes through the definer functions, for every caller alike
            Write(name: "login candidate", sql: q("SELECT count(*)::text FROM app.login_candidate('d1-editor')"), expect: { _ in "ok 1 1" }),
            Write(name: "create and resolve a session", sql: { a in
                ["SELECT app.create_session(\(a.userID), '\\x01'::bytea, now() + interval '1 hour')",
                 "SELECT count(*)::text FROM app.session_caller('\\x01'::bytea)"]
            }, expect: { _ in "ok 1 1" }),
            Write(name: "count sign-in attempts", sql: { _ in
                ["SELECT app.sign_in_begin('someone', '192.0.2.1', 10, interval '30 s', interval '15 min', interval '1 day')",
                 "SELECT count(*)::text FROM app.sign_in_succeeded('someone', '192.0.2.1')"]
            }, expect: { _ in "ok 1 1" }),
            // history is append-only
            Write(name: "update history", sql: q("UPDATE app.history SET action = action"), expect: { _ in Self.denied }),
            Write(name: "delete history", sql: q("DELETE FROM app.history"), expect: { _ in Self.denied }),
            Write(name: "truncate history", sql: q("TRUNCATE app.history"), expect: { _ in Self.denied }),
        ] + dailyWorkWrites + importWrites + coordinationWrites
    }

    var workerWrites: [Write] {
        let w = world
        let d2 = w.ag("D2")
        func q(_ query: Query) -> (Actor) -> [Query] { { _ in [query] } }
        func ok(_ rows: Int = 1) -> (Actor) -> String { { _ in "ok \(rows)" } }
        return [
            Write(name: "worker queues a run", sql: q("INSERT INTO app.assessment_runs (year, period) VALUES (2024, 'Q3')"), expect: ok()),
            Write(name: "worker runs the draft", sql: q("UPDATE app.assessment_runs SET status = 'running' WHERE id = \(w.id("RUN-DRAFT"))"),
                  expect: ok()),
            Write(name: "worker publishes the draft", sql: q("UPDATE app.assessment_runs SET status = 'published' WHERE id = \(w.id("RUN-DRAFT"))"),
                  expect: { _ in Self.denied }),
            Write(name: "worker inserts results",
                  sql: q("INSERT INTO app.assessment_results (run_id, agency_id, group_kind) VALUES (\(w.id("RUN-DRAFT")), \(d2), 'district')"),
                  expect: ok()),
            Write(name: "worker updates draft results", sql: q("UPDATE app.assessment_results SET rank = 2 WHERE id = \(w.id("RES-DRAFT-D1"))"),
                  expect: ok()),
            Write(name: "worker deletes draft results", sql: q("DELETE FROM app.assessment_results WHERE id = \(w.id("RES-DRAFT-D1"))"),
                  expect: ok()),
            Write(name: "worker inserts indicator results",
                  sql: q("INSERT INTO app.assessment_indicator_results (run_id, agency_id, indicator, actual) VALUES (\(w.id("RUN-DRAFT")), \(d2), 'fai', 1)"),
                  expect: ok()),
            Write(name: "worker updates draft indicator results",
                  sql: q("UPDATE app.assessment_indicator_results SET points = 1 WHERE id = \(w.id("IND-DRAFT-D1"))"), expect: ok()),
            Write(name: "worker deletes draft indicator results",
                  sql: q("DELETE FROM app.assessment_indicator_results WHERE id = \(w.id("IND-DRAFT-D1"))"), expect: ok()),
            Write(name: "worker changes published results", sql: q("UPDATE app.assessment_results SET rank = 2 WHERE id = \(w.id("RES-PUB-D1"))"),
                  expect: { _ in "55000 assessment_runs_published_immutable" }),
            Write(name: "worker changes a project", sql: q("UPDATE app.projects SET name = 'w'"), expect: { _ in Self.denied }),
            Write(name: "worker writes targets", sql: q("INSERT INTO app.targets (year, agency_id, indicator) VALUES (2025, \(d2), 'fai')"),
                  expect: { _ in Self.denied }),
            Write(name: "worker deletes history", sql: q("DELETE FROM app.history"), expect: { _ in Self.denied }),
        ] + dailyWorkWorkerWrites
    }
}

infix operator >>>: AdditionPrecedence
/// Composes an expectation with a transformation of its result.
func >>> (f: @escaping (Actor) -> String, g: @escaping (String) -> String) -> (Actor) -> String {
    { g(f($0)) }
}
