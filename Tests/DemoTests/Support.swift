import Campaign
import Demo
import Postgres

/// A day after the demo year 2026 has ended and its December reports are in: the whole year loads.
let afterTheYear = CalendarDate(year: 2027, month: 1, day: 20)!

/// One password for every role, so each test hashes once.
let testPasswords = DemoPasswords(admin: "demo-password-1", editor: "demo-password-1", viewer: "demo-password-1")

extension Connection {
    /// The single integer a query answers.
    func int(_ query: Query) throws -> Int {
        try self.query(query)[0].decode(0, as: Int.self)
    }

    /// Rows of each table, for before/after comparisons.
    func tableCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["agencies", "users", "projects", "monthly_reports", "funding_sources", "approvals", "problems",
                      "land_allocations", "deals", "receipts", "targets", "fai_statistics", "history"] {
            counts[table] = try int(Query(sql: "SELECT count(*) FROM app.\(table)"))
        }
        return counts
    }

    /// Runs `body` in a transaction as the server's role with an agency's caller settings.
    func asAgency<T>(_ code: String, role: String = "viewer", _ body: (Connection) throws -> T) throws -> T {
        let row = try query("SELECT id, kind FROM app.agencies WHERE code = \(code)")[0]
        let id = try row.decode("id", as: Int.self)
        let kind = try row.decode("kind", as: String.self)
        return try withTransaction { connection in
            try connection.execute("""
                SELECT set_config('app.agency_id', \(String(id)), true), set_config('app.agency_kind', \(kind), true),
                       set_config('app.role', \(role), true), set_config('app.user_id', '', true),
                       set_config('role', 'projectyear_app', true)
                """)
            return try body(connection)
        }
    }
}
