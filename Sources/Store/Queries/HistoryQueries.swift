import Postgres

/// The history of a project and of the rows under it, newest first. Row-level security shows it
/// to whoever sees the project.
public enum HistoryQueries {
    public static func list(projectID: Int64, limit: Int, offset: Int, on connection: Connection) throws -> (items: [HistoryEntry], total: Int) {
        let rows = try connection.query("""
            WITH page AS (
                SELECT h.id, h.at, h.user_id, h.action, h.table_name, h.row_id, h.changes::text AS changes
                  FROM app.history h WHERE h.project_id = \(projectID)
                 ORDER BY h.id DESC LIMIT \(limit) OFFSET \(offset))
            SELECT page.*, n.display_name
              FROM page LEFT JOIN app.user_display_names(ARRAY(SELECT user_id FROM page)) n ON n.id = page.user_id
             ORDER BY page.id DESC
            """)
        let total: Int = try connection.query(
            "SELECT count(*)::int AS n FROM app.history WHERE project_id = \(projectID)"
        )[0].decode("n")
        let items = try rows.map { row in
            HistoryEntry(
                id: try row.decode("id"), at: try row.decode("at"),
                user: try UserReference.decode(row, idColumn: "user_id", nameColumn: "display_name"),
                action: try row.decode("action"), table: try row.decode("table_name"), rowID: try row.decode("row_id"),
                changesJSON: try row.decode("changes")
            )
        }
        return (items, total)
    }
}

extension HistoryQueries {
    /// The display names of `userIDs`, by id.
    public static func userNames(_ userIDs: [Int64], on connection: Connection) throws -> [Int64: String] {
        guard !userIDs.isEmpty else { return [:] }
        let rows = try connection.query("SELECT id, display_name FROM app.user_display_names(\(userIDs)::bigint[])")
        return try Dictionary(rows.map { (try $0.decode("id", as: Int64.self), try $0.decode("display_name", as: String?.self) ?? "—") }) { a, _ in a }
    }

    /// The names of `ids` in `table` (`agencies`, `parks` or `financing_platforms`) that the caller sees, by id.
    public static func names(in table: String, _ ids: [Int64], on connection: Connection) throws -> [Int64: String] {
        guard !ids.isEmpty, ["agencies", "parks", "financing_platforms"].contains(table) else { return [:] }
        let rows = try connection.query("SELECT id, name FROM app.\(unsafeSQL: table) WHERE id = ANY(\(ids)::bigint[])")
        return try Dictionary(rows.map { (try $0.decode("id", as: Int64.self), try $0.decode("name", as: String.self)) }) { a, _ in a }
    }
}
