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
