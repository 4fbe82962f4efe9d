import Campaign
import Foundation
import Postgres

/// Approvals of projects, under the caller's row-level security.
public enum ApprovalQueries {
    static let columns = """
        a.id, a.project_id, a.kind, a.department_id, a.applied_on, a.decided_on, a.status,
        (a.decided_on - a.applied_on) AS processing_days, a.version, a.updated_at
        """

    public static func list(projectID: Int64, limit: Int, offset: Int, on connection: Connection) throws -> (items: [ApprovalRecord], total: Int) {
        let rows = try connection.query("""
            SELECT \(unsafeSQL: columns) FROM app.approvals a WHERE a.project_id = \(projectID)
             ORDER BY a.id LIMIT \(limit) OFFSET \(offset)
            """)
        let total: Int = try connection.query(
            "SELECT count(*)::int AS n FROM app.approvals WHERE project_id = \(projectID)"
        )[0].decode("n")
        return (try rows.map(decode), total)
    }

    public static func find(id: Int64, on connection: Connection) throws -> ApprovalRecord? {
        try connection.query("SELECT \(unsafeSQL: columns) FROM app.approvals a WHERE a.id = \(id)").first.map(decode)
    }

    public static func insert(projectID: Int64, _ fields: ApprovalFields, on connection: Connection) throws -> ApprovalRecord {
        try decode(connection.query("""
            INSERT INTO app.approvals AS a (project_id, kind, department_id, applied_on, decided_on, status)
            VALUES (\(projectID), \(fields.kind.rawValue), \(fields.departmentID), \(fields.appliedOn), \(fields.decidedOn),
                    \(fields.status.rawValue))
            RETURNING \(unsafeSQL: columns)
            """)[0])
    }

    /// Updates the approval if still at `version`; nil when no row changed.
    public static func update(id: Int64, version: Int, to fields: ApprovalFields, on connection: Connection) throws -> ApprovalRecord? {
        try connection.query("""
            UPDATE app.approvals AS a SET kind = \(fields.kind.rawValue), department_id = \(fields.departmentID),
                   applied_on = \(fields.appliedOn), decided_on = \(fields.decidedOn), status = \(fields.status.rawValue)
             WHERE a.id = \(id) AND a.version = \(version)
            RETURNING \(unsafeSQL: columns)
            """).first.map(decode)
    }

    /// Deletes the approval (at `version` when given); false when no row was deleted.
    public static func delete(id: Int64, version: Int?, on connection: Connection) throws -> Bool {
        try connection.execute("""
            DELETE FROM app.approvals WHERE id = \(id) AND (\(version)::int IS NULL OR version = \(version))
            """) > 0
    }

    static func decode(_ row: Row) throws -> ApprovalRecord {
        ApprovalRecord(
            id: try row.decode("id"), projectID: try row.decode("project_id"),
            fields: ApprovalFields(
                kind: try row.decode("kind"), departmentID: try row.decode("department_id"),
                appliedOn: try row.decode("applied_on"), decidedOn: try row.decode("decided_on"), status: try row.decode("status")
            ),
            processingDays: try row.decode("processing_days"), version: try row.decode("version"),
            updatedAt: try row.decode("updated_at")
        )
    }
}
