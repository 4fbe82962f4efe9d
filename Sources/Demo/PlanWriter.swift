import Postgres
import Store

/// Writes county plans with COPY, assigning ids as it goes; counts the rows of each table.
final class PlanWriter {
    let connection: Connection
    /// bcrypt hash per role (`admin`, `editor`, `viewer`).
    let passwordHashes: [String: String]
    var ids: TableIds
    /// Rows written per table.
    var counts: [String: Int] = [:]
    /// Called after each table with its name and the rows just written.
    var onRows: (String, Int) -> Void = { _, _ in }

    init(connection: Connection, passwordHashes: [String: String], ids: TableIds) {
        self.connection = connection
        self.passwordHashes = passwordHashes
        self.ids = ids
    }

    /// Writes one plan: every table in foreign-key order.
    func write(_ plan: CountyPlan, categoryLeads writeLeads: Bool) throws {
        let agency = base("agencies", plan.agencies.count)
        try copy("agencies", "id, code, name, kind, division_code", plan.agencies.indices) { i in
            let a = plan.agencies[i]
            return "\(agency + i)\t\(CopyText.text(a.code))\t\(CopyText.text(a.name))\t\(a.kind)\t\(CopyText.text(a.divisionCode))"
        }
        let user = base("users", plan.users.count)
        try copy("users", "id, agency_id, username, display_name, role, password_hash, active", plan.users.indices) { i in
            let u = plan.users[i]
            return "\(user + i)\t\(agency + u.agency)\t\(u.username)\t\(CopyText.text(u.displayName))\t\(u.role)\t\(passwordHashes[u.role] ?? "!")\tt"
        }
        if writeLeads {
            try copy("category_lead_departments", "category, department_id", plan.categoryLeads.indices) { i in
                "\(plan.categoryLeads[i].category)\t\(agency + plan.categoryLeads[i].department)"
            }
        }
        let platform = base("financing_platforms", plan.platforms.count)
        try copy("financing_platforms", "id, name, note", plan.platforms.indices) { i in
            "\(platform + i)\t\(CopyText.text(plan.platforms[i]))\t投融资平台"
        }
        let park = try writeParks(plan, agency: agency)
        try writeProjects(plan, agency: agency, park: park, platform: platform, user: user)
        try writeAttraction(plan, agency: agency)
        try writeTargetsAndStatistics(plan, agency: agency)
    }

    /// The first id of `count` new rows of `table`.
    func base(_ table: String, _ count: Int) -> Int { ids.take(table, count) }

    /// Streams the rows `indices` of `table` through one COPY.
    func copy<C: Collection>(
        _ table: String, _ columns: String, _ indices: C, line: (C.Element) -> String
    ) throws {
        guard !indices.isEmpty else { return }
        let rows = try DemoLoadQueries.copy(into: table, columns: columns, on: connection) { send in
            for index in indices { try send(line(index)) }
        }
        counts[table, default: 0] += rows
        onRows(table, rows)
    }

    /// Streams child rows, whose number is known only while generating them, through one COPY:
    /// `produce` gets a function that takes a row's line given its id.
    func copyChildren(
        _ table: String, _ columns: String, produce: (((Int) -> String) throws -> Void) throws -> Void
    ) throws {
        var next = ids.take(table, 0)
        let rows = try DemoLoadQueries.copy(into: table, columns: columns, on: connection) { send in
            try withoutActuallyEscaping(send) { send in
                try produce { line in
                    try send(line(next))
                    next += 1
                }
            }
        }
        _ = ids.take(table, rows)
        counts[table, default: 0] += rows
        onRows(table, rows)
    }
}
