import Campaign
import Postgres
import Store
import TestSupport

/// The fixture county plus a few rows in every table, seeded as the superuser, each row known by
/// a label (`P1`, `R1`, `A3` …) so tests can say which rows an actor must see.
///
/// Projects (district, lead department): P1 (D1, DRC, major, in construction), P2 (D2, IIT),
/// P3 (D2, IIT, major; approval A3 assigned to DRC), P4 (D2, IIT; problem X4 assigned to AGR),
/// P5 (D1, IIT, major). So D1 sees P1 P5; D2 P2 P3 P4; DRC P1 P3; IIT P2–P5; AGR P4.
struct World: Sendable {
    var fixture: CountyFixture
    /// label → id
    var ids: [String: Int64] = [:]
    /// "table:id" → label
    var labels: [String: String] = [:]
    /// fixture username → user id
    var userIDs: [String: Int64] = [:]
    /// agency code → analyst login (empty unless seeded with analysts)
    var analysts: [String: String] = [:]

    func id(_ label: String) -> Int64 { ids[label]! }
    func agency(_ code: String) -> CountyFixture.Agency { fixture.agencies.first { $0.code == code }! }
    func ag(_ code: String) -> Int64 { agency(code).id }

    static let agencyCodes = ["CTY", "DRC", "IIT", "AGR", "D1", "D2"]

    /// Every fixture user: each agency × admin, editor, viewer (county admin first).
    var users: [Actor] {
        Self.agencyCodes.flatMap { code in
            UserRole.allCases.sorted { $0.rawValue < $1.rawValue }.map { role in user(code, role) }
        }
    }

    func user(_ code: String, _ role: UserRole) -> Actor {
        let agency = agency(code)
        return Actor(
            code: code, agencyID: agency.id, agencyKind: AgencyKind(rawValue: agency.kind)!,
            userID: userIDs["\(code.lowercased())-\(role.rawValue)"]!, kind: .user(role: role)
        )
    }

    var worker: Actor {
        Actor(code: "-", agencyID: 0, agencyKind: .county, userID: 0, kind: .worker)
    }

    var analystActors: [Actor] {
        Self.agencyCodes.compactMap { code in
            analysts[code].map { login in
                let agency = agency(code)
                return Actor(code: code, agencyID: agency.id, agencyKind: AgencyKind(rawValue: agency.kind)!, userID: 0,
                             kind: .analyst(login: login))
            }
        }
    }

    /// Seeds the world (committed) on a migrated database; with `analysts`, also creates one
    /// analyst login per agency through `AnalystQueries` (drop them with `Cluster.dropRoles`).
    static func seed(on connection: Connection, analysts withAnalysts: Bool = false) throws -> World {
        var world = World(fixture: try CountyFixture.seed(on: connection))
        for row in try connection.query("SELECT id, username FROM app.users").rows {
            world.userIDs[try row.decode("username")] = try row.decode("id")
        }
        func add(_ label: String, _ table: String, _ query: Query) throws {
            let id: Int64 = try connection.query(query)[0].decode("id")
            world.ids[label] = id
            world.labels["\(table):\(id)"] = label
        }
        let (cty, drc, iit, agr, d1, d2) = (world.ag("CTY"), world.ag("DRC"), world.ag("IIT"), world.ag("AGR"), world.ag("D1"), world.ag("D2"))
        _ = cty
        try add("FP1", "financing_platforms", "INSERT INTO app.financing_platforms (name) VALUES ('平台一') RETURNING id")
        try add("PK3", "parks", "INSERT INTO app.parks (name, district_id, standard) VALUES ('spare park', \(d2), 'eight_one') RETURNING id")
        world.ids["PK1"] = world.fixture.park1
        world.ids["PK2"] = world.fixture.park2
        let projects: [(String, Int64, Int64, Bool)] = [("P1", d1, drc, true), ("P2", d2, iit, false), ("P3", d2, iit, true),
                                                       ("P4", d2, iit, false), ("P5", d1, iit, true)]
        for (code, district, lead, major) in projects {
            try add(code, "projects", """
                INSERT INTO app.projects (code, name, category, district_id, lead_department_id, major, park_id)
                VALUES (\(code), \("project " + code), 'industry', \(district), \(lead), \(major),
                        \(district == d1 ? world.fixture.park1 : world.fixture.park2)) RETURNING id
                """)
        }
        try connection.execute("""
            UPDATE app.projects SET stage = 'construction', actual_start = '2024-03-01', national_code = '2024-520329-34-03-000001'
             WHERE code = 'P1'
            """)
        for n in 1...5 {
            let project = world.id("P\(n)")
            try add("R\(n)", "monthly_reports", """
                INSERT INTO app.monthly_reports (project_id, month, investment_completed, progress)
                VALUES (\(project), '2024-01-01', \(Double(n * 10)), 'progress') RETURNING id
                """)
            try add("F\(n)", "funding_sources", """
                INSERT INTO app.funding_sources (project_id, kind, planned_amount, amount_in_place)
                VALUES (\(project), 'bank_loan', 100, \(Double(n))) RETURNING id
                """)
        }
        for (label, project) in Matrix.attachments.sorted(by: { $0.key < $1.key }) {
            try add(label, "attachments", """
                INSERT INTO app.attachments (project_id, filename, content_type, size, sha256)
                VALUES (\(world.id(project)), 'photo.png', 'image/png', 1, repeat(\(String(label.suffix(1))), 64)) RETURNING id
                """)
            try connection.execute("INSERT INTO app.attachment_chunks (attachment_id, seq, data) VALUES (\(world.id(label)), 0, '\\x89')")
        }
        for (label, project, department) in [("A1", "P1", drc), ("A3", "P3", drc), ("A5", "P5", iit)] {
            try add(label, "approvals", """
                INSERT INTO app.approvals (project_id, kind, department_id, applied_on)
                VALUES (\(world.id(project)), 'eia', \(department), '2024-01-10') RETURNING id
                """)
        }
        try add("X1", "problems", """
            INSERT INTO app.problems (project_id, kind, description) VALUES (\(world.id("P1")), 'land', 'no land') RETURNING id
            """)
        try add("X4", "problems", """
            INSERT INTO app.problems (project_id, kind, description, department_id, due_on)
            VALUES (\(world.id("P4")), 'funding', 'short of funds', \(agr), '2024-06-30') RETURNING id
            """)
        try add("PI1", "park_items", "INSERT INTO app.park_items (park_id, item, status) VALUES (\(world.id("PK1")), 'water', 'done') RETURNING id")
        try add("PI2", "park_items", "INSERT INTO app.park_items (park_id, item) VALUES (\(world.id("PK2")), 'road') RETURNING id")
        try connection.execute("INSERT INTO app.land_quotas (year, quota_mu, reserved_mu) VALUES (2024, 100, 30), (2026, 10, 0)")
        try add("L1", "land_allocations", "INSERT INTO app.land_allocations (year, project_id, area_mu) VALUES (2024, \(world.id("P1")), 20) RETURNING id")
        try add("L5", "land_allocations", """
            INSERT INTO app.land_allocations (year, project_id, area_mu, from_reserve) VALUES (2024, \(world.id("P5")), 10, true) RETURNING id
            """)
        try add("T-IIT", "attraction_teams", "INSERT INTO app.attraction_teams (name, lead_department_id) VALUES ('T-IIT', \(iit)) RETURNING id")
        try add("T-DRC", "attraction_teams", "INSERT INTO app.attraction_teams (name, lead_department_id) VALUES ('T-DRC', \(drc)) RETURNING id")
        try add("T-AGR", "attraction_teams", "INSERT INTO app.attraction_teams (name, lead_department_id) VALUES ('T-AGR', \(agr)) RETURNING id")
        try add("DL1", "deals", """
            INSERT INTO app.deals (team_id, investor, investor_kind, signed_amount, signed_on, district_id)
            VALUES (\(world.id("T-IIT")), 'SOE one', 'central_soe', 1000, '2024-02-01', \(d1)) RETURNING id
            """)
        try add("DL2", "deals", """
            INSERT INTO app.deals (team_id, investor, investor_kind, signed_amount, signed_on, district_id)
            VALUES (\(world.id("T-DRC")), 'HK two', 'hk_macao', 500, '2024-02-01', \(d2)) RETURNING id
            """)
        try add("RC1", "receipts", "INSERT INTO app.receipts (deal_id, received_on, amount) VALUES (\(world.id("DL1")), '2024-03-01', 200) RETURNING id")
        try add("RC2", "receipts", "INSERT INTO app.receipts (deal_id, received_on, amount) VALUES (\(world.id("DL2")), '2024-03-01', 50) RETURNING id")
        for (label, agency, indicator) in [("TG-D1", d1, "fai"), ("TG-D2", d2, "fai"), ("TG-IIT", iit, "attraction_funds"),
                                           ("TG-DRC", drc, "major_investment")] {
            try add(label, "targets", """
                INSERT INTO app.targets (year, agency_id, indicator, amount) VALUES (2024, \(agency), \(indicator), 1000) RETURNING id
                """)
        }
        try add("S-D1", "fai_statistics", "INSERT INTO app.fai_statistics (agency_id, month, amount) VALUES (\(d1), '2024-01-01', 300) RETURNING id")
        try add("S-D2", "fai_statistics", "INSERT INTO app.fai_statistics (agency_id, month, amount) VALUES (\(d2), '2024-01-01', 400) RETURNING id")
        try connection.execute(#"INSERT INTO app.assessment_schemes (year, scheme) VALUES (2024, '{"report_deadline_day": 5}')"#)
        for (run, period) in [("PUB", "Q1"), ("DRAFT", "Q2")] {
            try add("RUN-\(run)", "assessment_runs", """
                INSERT INTO app.assessment_runs (year, period, status, finished_at) VALUES (2024, \(period), 'done', now()) RETURNING id
                """)
            for (code, agency, group) in [("D1", d1, "district"), ("DRC", drc, "department")] {
                try add("RES-\(run)-\(code)", "assessment_results", """
                    INSERT INTO app.assessment_results (run_id, agency_id, group_kind, score, score_rounded, rank)
                    VALUES (\(world.id("RUN-\(run)")), \(agency), \(group), 80, 80, 1) RETURNING id
                    """)
            }
            try add("IND-\(run)-D1", "assessment_indicator_results", """
                INSERT INTO app.assessment_indicator_results (run_id, agency_id, indicator, actual, target, ratio, points)
                VALUES (\(world.id("RUN-\(run)")), \(d1), 'fai', 300, 1000, 0.3, 12) RETURNING id
                """)
        }
        try connection.execute("UPDATE app.assessment_runs SET status = 'published' WHERE id = \(world.id("RUN-PUB"))")
        try world.seedDailyWork(on: connection)
        try world.seedImports(on: connection)
        try world.seedCoordination(on: connection)
        if withAnalysts {
            for code in agencyCodes {
                let login = Cluster.uniqueLogin(code)
                try AnalystQueries.add(agencyCode: code, login: login, password: "analyst-password", on: connection)
                world.analysts[code] = login
            }
        } else {
            // A registered login that exists nowhere: only the definer may read the table.
            try connection.execute("INSERT INTO app.analyst_logins (login, agency_id) VALUES ('nobody_here', \(d1))")
        }
        return world
    }
}
