import Postgres
import Store

/// The tables a load writes, in an order that satisfies every foreign key, and the next free id
/// of each. Ids are assigned by the loader (COPY accepts explicit values for identity columns);
/// the tables are locked against concurrent inserts first and the sequences moved past the new
/// rows at the end, so later inserts by the server continue after them.
struct TableIds {
    static let tables = [
        "agencies", "users", "financing_platforms", "parks", "park_items", "projects", "monthly_reports",
        "funding_sources", "approvals", "problems", "land_allocations", "attraction_teams", "deals", "receipts",
        "targets", "fai_statistics",
    ]

    /// The last id in use (or handed out by the sequence) per table.
    private(set) var last: [String: Int] = [:]

    /// Locks every table the load writes and reads where their ids stand.
    static func lockAndRead(_ connection: Connection) throws -> TableIds {
        try DemoLoadQueries.lock(tables: tables + ["category_lead_departments", "land_quotas"], on: connection)
        var ids = TableIds()
        for table in tables { ids.last[table] = try DemoLoadQueries.lastID(of: table, on: connection) }
        return ids
    }

    /// Hands out `count` ids of `table`; returns the first.
    mutating func take(_ table: String, _ count: Int) -> Int {
        let first = (last[table] ?? 0) + 1
        last[table] = first + count - 1
        return first
    }

    /// Moves each table's sequence to its last id, so the next insert gets the following one.
    func advanceSequences(_ connection: Connection) throws {
        for table in TableIds.tables {
            guard let value = last[table], value > 0 else { continue }
            try DemoLoadQueries.advanceSequence(of: table, to: value, on: connection)
        }
    }
}
