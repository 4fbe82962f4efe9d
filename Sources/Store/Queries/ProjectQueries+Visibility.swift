import Postgres

extension ProjectQueries {
    /// Whether the caller sees project `id` (row-level security decides): child resources answer
    /// 404 under a project the caller cannot see.
    public static func isVisible(id: Int64, on connection: Connection) throws -> Bool {
        try connection.query("SELECT 1 FROM app.projects WHERE id = \(id)").first != nil
    }
}
