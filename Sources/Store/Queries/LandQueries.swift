import Foundation
import Postgres

/// Construction-land quotas and their allocations. The database enforces the quota and the
/// reserve (`land_allocations_quota`, `land_allocations_reserve`), serialising allocations of a
/// year on its quota row.
public enum LandQueries {
    /// A year's quota, or nil.
    public static func quota(year: Int, on connection: Connection) throws -> LandQuotaRecord? {
        try connection.query("""
            SELECT q.year, q.version, q.updated_at, q.quota_mu, q.reserved_mu,
                   coalesce(sum(a.area_mu) FILTER (WHERE NOT a.from_reserve), 0) AS allocated,
                   coalesce(sum(a.area_mu) FILTER (WHERE a.from_reserve), 0) AS allocated_reserve
              FROM app.land_quotas q
              LEFT JOIN app.land_allocations a ON a.year = q.year
             WHERE q.year = \(year)
             GROUP BY q.year
            """).first.map { row in
            LandQuotaRecord(
                year: try row.decode("year"), version: try row.decode("version"), quota: try row.decode("quota_mu"),
                reserved: try row.decode("reserved_mu"), allocated: try row.decode("allocated"),
                allocatedFromReserve: try row.decode("allocated_reserve"), updatedAt: try row.decode("updated_at")
            )
        }
    }

    /// Sets a new year's quota; false when another transaction created it first.
    public static func insertQuota(year: Int, quota: Decimal, reserved: Decimal, on connection: Connection) throws -> Bool {
        try connection.execute("""
            INSERT INTO app.land_quotas (year, quota_mu, reserved_mu) VALUES (\(year), \(quota), \(reserved))
            ON CONFLICT (year) DO NOTHING
            """) == 1
    }

    /// Replaces a year's quota if it is still at `version`; false when no row was changed.
    public static func updateQuota(year: Int, version: Int, quota: Decimal, reserved: Decimal, on connection: Connection) throws -> Bool {
        try connection.execute("""
            UPDATE app.land_quotas SET quota_mu = \(quota), reserved_mu = \(reserved)
             WHERE year = \(year) AND version = \(version)
            """) == 1
    }

    static let columns = "a.id, a.version, a.updated_at, a.year, a.project_id, a.area_mu, a.from_reserve"

    /// The visible allocations of a year, oldest first.
    public static func allocations(year: Int, limit: Int, offset: Int, on connection: Connection) throws -> (items: [LandAllocationRecord], total: Int) {
        let rows = try connection.query("""
            SELECT \(unsafeSQL: columns), count(*) OVER () AS total
              FROM app.land_allocations a WHERE a.year = \(year)
             ORDER BY a.id LIMIT \(limit) OFFSET \(offset)
            """)
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? allocations(year: year, limit: 1, offset: 0, on: connection).total : 0)
        return (try rows.map(decode), total)
    }

    /// One visible allocation, or nil.
    public static func allocation(id: Int64, on connection: Connection) throws -> LandAllocationRecord? {
        try connection.query("SELECT \(unsafeSQL: columns) FROM app.land_allocations a WHERE a.id = \(id)").first.map(decode)
    }

    /// Allocates land; the database refuses what exceeds the quota or the reserve.
    public static func allocate(_ fields: LandAllocationFields, on connection: Connection) throws -> LandAllocationRecord {
        try decode(connection.query("""
            INSERT INTO app.land_allocations AS a (year, project_id, area_mu, from_reserve)
            VALUES (\(fields.year), \(fields.projectID), \(fields.area), \(fields.fromReserve))
            RETURNING \(unsafeSQL: columns)
            """)[0])
    }

    /// Deletes an allocation (at `version` when given); false when no row was deleted.
    public static func deleteAllocation(id: Int64, version: Int?, on connection: Connection) throws -> Bool {
        try connection.execute("""
            DELETE FROM app.land_allocations WHERE id = \(id) AND (\(version)::integer IS NULL OR version = \(version))
            """) == 1
    }

    static func decode(_ row: Row) throws -> LandAllocationRecord {
        LandAllocationRecord(
            id: try row.decode("id"), version: try row.decode("version"), year: try row.decode("year"),
            projectID: try row.decode("project_id"), area: try row.decode("area_mu"), fromReserve: try row.decode("from_reserve"),
            updatedAt: try row.decode("updated_at")
        )
    }
}
