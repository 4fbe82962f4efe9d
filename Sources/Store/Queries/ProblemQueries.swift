import Campaign
import Foundation
import Postgres

/// Problems of projects, under the caller's row-level security.
public enum ProblemQueries {
    static let columns = """
        p.id, p.project_id, p.kind, p.description, p.department_id, p.due_on, p.status, p.resolution, p.resolved_on,
        p.version, p.updated_at
        """

    public static func list(projectID: Int64, limit: Int, offset: Int, on connection: Connection) throws -> (items: [ProblemRecord], total: Int) {
        let rows = try connection.query("""
            SELECT \(unsafeSQL: columns) FROM app.problems p WHERE p.project_id = \(projectID)
             ORDER BY p.id LIMIT \(limit) OFFSET \(offset)
            """)
        let total: Int = try connection.query(
            "SELECT count(*)::int AS n FROM app.problems WHERE project_id = \(projectID)"
        )[0].decode("n")
        return (try rows.map(decode), total)
    }

    public static func find(id: Int64, on connection: Connection) throws -> ProblemRecord? {
        try connection.query("SELECT \(unsafeSQL: columns) FROM app.problems p WHERE p.id = \(id)").first.map(decode)
    }

    public static func insert(projectID: Int64, _ fields: ProblemFields, on connection: Connection) throws -> ProblemRecord {
        try decode(connection.query("""
            INSERT INTO app.problems AS p (project_id, kind, description, department_id, due_on, status, resolution, resolved_on)
            VALUES (\(projectID), \(fields.kind.rawValue), \(fields.description), \(fields.departmentID), \(fields.dueOn),
                    \(fields.status.rawValue), \(fields.resolution), \(fields.resolvedOn))
            RETURNING \(unsafeSQL: columns)
            """)[0])
    }

    /// Updates the problem if still at `version`; nil when no row changed.
    public static func update(id: Int64, version: Int, to fields: ProblemFields, on connection: Connection) throws -> ProblemRecord? {
        try connection.query("""
            UPDATE app.problems AS p SET kind = \(fields.kind.rawValue), description = \(fields.description),
                   department_id = \(fields.departmentID), due_on = \(fields.dueOn), status = \(fields.status.rawValue),
                   resolution = \(fields.resolution), resolved_on = \(fields.resolvedOn)
             WHERE p.id = \(id) AND p.version = \(version)
            RETURNING \(unsafeSQL: columns)
            """).first.map(decode)
    }

    /// Deletes the problem (at `version` when given); false when no row was deleted.
    public static func delete(id: Int64, version: Int?, on connection: Connection) throws -> Bool {
        try connection.execute("""
            DELETE FROM app.problems WHERE id = \(id) AND (\(version)::int IS NULL OR version = \(version))
            """) > 0
    }

    static func decode(_ row: Row) throws -> ProblemRecord {
        ProblemRecord(
            id: try row.decode("id"), projectID: try row.decode("project_id"),
            fields: ProblemFields(
                kind: try row.decode("kind"), description: try row.decode("description"),
                departmentID: try row.decode("department_id"), dueOn: try row.decode("due_on"), status: try row.decode("status"),
                resolution: try row.decode("resolution"), resolvedOn: try row.decode("resolved_on")
            ),
            version: try row.decode("version"), updatedAt: try row.decode("updated_at")
        )
    }
}
