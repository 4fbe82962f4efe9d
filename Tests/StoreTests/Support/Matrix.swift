import Campaign
import Postgres
import Store
import TestSupport

/// The access matrix of DOMAIN.md's (rule) Visibility and (rule) Writes, as data: for every
/// actor, which seeded rows each table shows and what each write attempt does. `run` executes it
/// inside one open transaction (every actor in a savepoint that is rolled back), so it can also
/// be run after dropping a policy in that transaction.
struct Matrix {
    let world: World

    /// One table read: the labels of the visible rows, or the SQLSTATE of the refusal.
    struct Read {
        var name: String
        var sql: String
        /// The table whose labels the keys are (`nil`: the keys are labels already).
        var labels: String?
        var expect: (Actor) -> String
    }

    /// One attempted write (or other statement): see `ActingAs.outcome` for the result's form.
    struct Write {
        var name: String
        var sql: (Actor) -> [Query]
        var expect: (Actor) -> String
    }

    /// What one check saw; `expected == actual` when the rule holds.
    struct Observation: CustomStringConvertible {
        var actor: String
        var check: String
        var expected: String
        var actual: String
        var description: String { "\(actor) · \(check): expected [\(expected)], got [\(actual)]" }
    }

    // MARK: running

    /// Runs every check for every actor; `visit` returns false to stop early. Must be called in
    /// an open transaction on a superuser connection.
    func run(on connection: Connection, actors: [Actor], visit: (Observation) -> Bool) throws {
        for actor in actors {
            var keepGoing = true
            try ActingAs.savepoint(actor, on: connection) { connection in
                let checks: [(String, () throws -> String, String)]
                switch actor.kind {
                case .user:
                    checks = reads.map { read in (read.name, { try rows(read, on: connection) }, read.expect(actor)) }
                        + writes.map { write in (write.name, { try ActingAs.outcome(write.sql(actor), on: connection) }, write.expect(actor)) }
                case .worker:
                    checks = reads.map { read in (read.name, { try rows(read, on: connection) }, workerReads[read.name] ?? "42501") }
                        + workerWrites.map { write in (write.name, { try ActingAs.outcome(write.sql(actor), on: connection) }, write.expect(actor)) }
                case .analyst:
                    checks = analystReads.map { read in (read.name, { try rows(read, on: connection) }, read.expect(actor)) }
                        + analystWrites.map { write in (write.name, { try ActingAs.outcome(write.sql(actor), on: connection) }, write.expect(actor)) }
                }
                for (name, observe, expected) in checks {
                    let observation = Observation(actor: actor.description, check: name, expected: expected, actual: try observe())
                    if !visit(observation) { keepGoing = false; return }
                }
            }
            if !keepGoing { return }
        }
    }

    /// Every mismatch of a full run.
    func mismatches(on connection: Connection, actors: [Actor]) throws -> [Observation] {
        var found: [Observation] = []
        try run(on: connection, actors: actors) { observation in
            if observation.actual != observation.expected { found.append(observation) }
            return true
        }
        return found
    }

    /// The first mismatch, stopping there.
    func firstMismatch(on connection: Connection, actors: [Actor]) throws -> Observation? {
        var found: Observation?
        try run(on: connection, actors: actors) { observation in
            if observation.actual != observation.expected { found = observation; return false }
            return true
        }
        return found
    }

    private func rows(_ read: Read, on connection: Connection) throws -> String {
        try connection.execute("SAVEPOINT reading")
        defer {
            _ = try? connection.execute("ROLLBACK TO SAVEPOINT reading")
            _ = try? connection.execute("RELEASE SAVEPOINT reading")
        }
        do {
            let keys: [String?] = try connection.query(Query(sql: read.sql)).map { try $0.decode(0) }
            let labels = keys.map { key -> String in
                guard let key else { return "-" }
                guard let table = read.labels else { return key }
                return world.labels["\(table):\(key)"] ?? "#\(key)"
            }
            return labels.sorted().joined(separator: " ")
        } catch let error as PostgresError where error.kind == .server {
            return error.sqlState ?? "?"
        }
    }

    // MARK: expectations

    /// The visible labels of an agency: `map[code]`, the county seeing `all`.
    static func visible(_ map: [String: [String]], all: [String]) -> (Actor) -> String {
        { actor in (actor.isCounty ? all : map[actor.code] ?? []).sorted().joined(separator: " ") }
    }

    static let projectsSeen: [String: [String]] = [
        "D1": ["P1", "P5"], "D2": ["P2", "P3", "P4"], "DRC": ["P1", "P3"], "IIT": ["P2", "P3", "P4", "P5"], "AGR": ["P4"],
    ]

    /// Rows that follow their project: `rows[label] = project`.
    static func following(_ rows: [String: String]) -> (Actor) -> String {
        var map: [String: [String]] = [:]
        for (code, projects) in projectsSeen {
            map[code] = rows.filter { projects.contains($0.value) }.map(\.key)
        }
        return visible(map, all: Array(rows.keys))
    }

    static func all(_ labels: [String]) -> (Actor) -> String {
        { _ in labels.sorted().joined(separator: " ") }
    }

    static let allProjects = ["P1", "P2", "P3", "P4", "P5"]
    static let reports = Dictionary(uniqueKeysWithValues: (1...5).map { ("R\($0)", "P\($0)") })
    static let funding = Dictionary(uniqueKeysWithValues: (1...5).map { ("F\($0)", "P\($0)") })
    static let approvals = ["A1": "P1", "A3": "P3", "A5": "P5"]
    static let problems = ["X1": "P1", "X4": "P4"]
    static let allocations = ["L1": "P1", "L5": "P5"]
    static let attachments = ["AT1": "P1", "AT2": "P2"]
    static let parks = ["南明工业园", "花溪物流园", "spare park"]
    static let agencies = World.agencyCodes
    static var allUsers: [String] { World.agencyCodes.flatMap { c in ["admin", "editor", "viewer"].map { "\(c.lowercased())-\($0)" } } }

    var reads: [Read] {
        [
            Read(name: "agencies", sql: "SELECT code FROM app.agencies", expect: Self.all(Self.agencies)),
            Read(name: "users", sql: "SELECT username FROM app.users", expect: { actor in
                (actor.isCounty ? Self.allUsers : ["admin", "editor", "viewer"].map { "\(actor.code.lowercased())-\($0)" })
                    .sorted().joined(separator: " ")
            }),
            Read(name: "sessions", sql: "SELECT id FROM app.sessions", expect: { _ in "42501" }),
            Read(name: "sign_in_throttle", sql: "SELECT username FROM app.sign_in_throttle", expect: { _ in "42501" }),
            Read(name: "analyst_logins", sql: "SELECT login FROM app.analyst_logins", expect: { _ in "42501" }),
            Read(name: "category_lead_departments", sql: "SELECT category FROM app.category_lead_departments",
                 expect: Self.all(["agriculture", "industry", "infrastructure", "services"])),
            Read(name: "financing_platforms", sql: "SELECT id FROM app.financing_platforms", labels: "financing_platforms",
                 expect: Self.all(["FP1"])),
            Read(name: "parks", sql: "SELECT name FROM app.parks", expect: Self.all(Self.parks)),
            Read(name: "projects", sql: "SELECT code FROM app.projects", expect: Self.visible(Self.projectsSeen, all: Self.allProjects)),
            Read(name: "monthly_reports", sql: "SELECT id FROM app.monthly_reports", labels: "monthly_reports",
                 expect: Self.following(Self.reports)),
            Read(name: "funding_sources", sql: "SELECT id FROM app.funding_sources", labels: "funding_sources",
                 expect: Self.following(Self.funding)),
            Read(name: "approvals", sql: "SELECT id FROM app.approvals", labels: "approvals", expect: Self.following(Self.approvals)),
            Read(name: "attachments", sql: "SELECT id FROM app.attachments", labels: "attachments", expect: Self.following(Self.attachments)),
            Read(name: "attachment_chunks", sql: "SELECT attachment_id FROM app.attachment_chunks", labels: "attachments",
                 expect: Self.following(Self.attachments)),
            Read(name: "problems", sql: "SELECT id FROM app.problems", labels: "problems", expect: Self.following(Self.problems)),
            Read(name: "park_items", sql: "SELECT id FROM app.park_items", labels: "park_items", expect: Self.all(["PI1", "PI2"])),
            Read(name: "land_quotas", sql: "SELECT year FROM app.land_quotas", expect: Self.all(["2024", "2026"])),
            Read(name: "land_allocations", sql: "SELECT id FROM app.land_allocations", labels: "land_allocations",
                 expect: Self.following(Self.allocations)),
            Read(name: "attraction_teams", sql: "SELECT id FROM app.attraction_teams", labels: "attraction_teams",
                 expect: Self.visible(["IIT": ["T-IIT"], "DRC": ["T-DRC"], "AGR": ["T-AGR"]], all: ["T-IIT", "T-DRC", "T-AGR"])),
            Read(name: "deals", sql: "SELECT id FROM app.deals", labels: "deals",
                 expect: Self.visible(["D1": ["DL1"], "D2": ["DL2"], "IIT": ["DL1"], "DRC": ["DL2"]], all: ["DL1", "DL2"])),
            Read(name: "receipts", sql: "SELECT id FROM app.receipts", labels: "receipts",
                 expect: Self.visible(["D1": ["RC1"], "D2": ["RC2"], "IIT": ["RC1"], "DRC": ["RC2"]], all: ["RC1", "RC2"])),
            Read(name: "targets", sql: "SELECT id FROM app.targets", labels: "targets",
                 expect: Self.visible(["D1": ["TG-D1"], "D2": ["TG-D2"], "IIT": ["TG-IIT"], "DRC": ["TG-DRC"]],
                                      all: ["TG-D1", "TG-D2", "TG-IIT", "TG-DRC"])),
            Read(name: "fai_statistics", sql: "SELECT id FROM app.fai_statistics", labels: "fai_statistics",
                 expect: Self.visible(["D1": ["S-D1"], "D2": ["S-D2"]], all: ["S-D1", "S-D2"])),
            Read(name: "assessment_schemes", sql: "SELECT year FROM app.assessment_schemes", expect: Self.all(["2024"])),
            Read(name: "assessment_runs", sql: "SELECT id FROM app.assessment_runs", labels: "assessment_runs",
                 expect: { $0.isCounty ? "RUN-DRAFT RUN-PUB" : "RUN-PUB" }),
            Read(name: "assessment_results", sql: "SELECT id FROM app.assessment_results", labels: "assessment_results",
                 expect: { $0.isCounty ? "RES-DRAFT-D1 RES-DRAFT-DRC RES-PUB-D1 RES-PUB-DRC" : "RES-PUB-D1 RES-PUB-DRC" }),
            Read(name: "assessment_indicator_results", sql: "SELECT id FROM app.assessment_indicator_results",
                 labels: "assessment_indicator_results", expect: { $0.isCounty ? "IND-DRAFT-D1 IND-PUB-D1" : "IND-PUB-D1" }),
            // History: the projects whose history the caller reads ('-' = rows of no project).
            Read(name: "history", sql: "SELECT DISTINCT project_id FROM app.history", labels: "projects", expect: { actor in
                (actor.isCounty ? ["-"] + Self.allProjects : Self.projectsSeen[actor.code] ?? []).sorted().joined(separator: " ")
            }),
        ] + dailyWorkReads + importReads + coordinationReads
    }

    /// What the worker reads: everything rankings need; nothing of users, sessions, history.
    var workerReads: [String: String] {
        var expected: [String: String] = [:]
        let county = world.user("CTY", .viewer)
        for read in reads where !(["users", "sessions", "sign_in_throttle", "analyst_logins", "history", "attachments", "attachment_chunks"]
            + Self.workerUnreadable + Self.coordinationWorkerUnreadable).contains(read.name) {
            expected[read.name] = read.expect(county)
        }
        expected.merge(Self.workerReadsAll) { $1 }
        return expected
    }
}
