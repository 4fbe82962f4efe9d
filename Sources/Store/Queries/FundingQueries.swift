import Campaign
import Foundation
import Postgres

/// Funding sources of projects, under the caller's row-level security.
public enum FundingQueries {
    static let columns = "f.id, f.project_id, f.kind, f.platform_id, f.planned_amount, f.amount_in_place, f.version, f.updated_at"

    public static func list(projectID: Int64, limit: Int, offset: Int, on connection: Connection) throws -> (items: [FundingRecord], total: Int) {
        let rows = try connection.query("""
            SELECT \(unsafeSQL: columns) FROM app.funding_sources f WHERE f.project_id = \(projectID)
             ORDER BY f.id LIMIT \(limit) OFFSET \(offset)
            """)
        let total: Int = try connection.query(
            "SELECT count(*)::int AS n FROM app.funding_sources WHERE project_id = \(projectID)"
        )[0].decode("n")
        return (try rows.map(decode), total)
    }

    public static func find(id: Int64, on connection: Connection) throws -> FundingRecord? {
        try connection.query("SELECT \(unsafeSQL: columns) FROM app.funding_sources f WHERE f.id = \(id)").first.map(decode)
    }

    public static func insert(projectID: Int64, _ fields: FundingFields, on connection: Connection) throws -> FundingRecord {
        try decode(connection.query("""
            INSERT INTO app.funding_sources AS f (project_id, kind, platform_id, planned_amount, amount_in_place)
            VALUES (\(projectID), \(fields.kind.rawValue), \(fields.platformID), \(fields.plannedAmount), \(fields.amountInPlace))
            RETURNING \(unsafeSQL: columns)
            """)[0])
    }

    /// Updates the source if still at `version`; nil when no row changed.
    public static func update(id: Int64, version: Int, to fields: FundingFields, on connection: Connection) throws -> FundingRecord? {
        try connection.query("""
            UPDATE app.funding_sources AS f SET kind = \(fields.kind.rawValue), platform_id = \(fields.platformID),
                   planned_amount = \(fields.plannedAmount), amount_in_place = \(fields.amountInPlace)
             WHERE f.id = \(id) AND f.version = \(version)
            RETURNING \(unsafeSQL: columns)
            """).first.map(decode)
    }

    /// Deletes the source (at `version` when given); false when no row was deleted.
    public static func delete(id: Int64, version: Int?, on connection: Connection) throws -> Bool {
        try connection.execute("""
            DELETE FROM app.funding_sources WHERE id = \(id) AND (\(version)::int IS NULL OR version = \(version))
            """) > 0
    }

    static func decode(_ row: Row) throws -> FundingRecord {
        FundingRecord(
            id: try row.decode("id"), projectID: try row.decode("project_id"),
            fields: FundingFields(
                kind: try row.decode("kind"), platformID: try row.decode("platform_id"),
                plannedAmount: try row.decode("planned_amount"), amountInPlace: try row.decode("amount_in_place")
            ),
            version: try row.decode("version"), updatedAt: try row.decode("updated_at")
        )
    }
}
