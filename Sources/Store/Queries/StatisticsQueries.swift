import Campaign
import Foundation
import Postgres

/// Statistical fixed-asset investment per district and month, entered by the county.
public enum StatisticsQueries {
    static let columns = "s.id, s.version, s.updated_at, s.agency_id, s.month, s.amount"

    /// The visible figures of a year (of one agency when given), by agency code and month.
    public static func fai(year: Int, agencyID: Int64?, limit: Int, offset: Int, on connection: Connection) throws -> (items: [FAIStatisticRecord], total: Int) {
        let rows = try connection.query("""
            SELECT \(unsafeSQL: columns), count(*) OVER () AS total
              FROM app.fai_statistics s JOIN app.agencies a ON a.id = s.agency_id
             WHERE s.month >= make_date(\(year), 1, 1) AND s.month < make_date(\(year) + 1, 1, 1)
               AND (\(agencyID)::bigint IS NULL OR s.agency_id = \(agencyID))
             ORDER BY a.code, s.month LIMIT \(limit) OFFSET \(offset)
            """)
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? fai(year: year, agencyID: agencyID, limit: 1, offset: 0, on: connection).total : 0)
        return (try rows.map(decode), total)
    }

    /// One visible figure, or nil.
    public static func find(agencyID: Int64, month: Month, on connection: Connection) throws -> FAIStatisticRecord? {
        try connection.query("""
            SELECT \(unsafeSQL: columns) FROM app.fai_statistics s WHERE s.agency_id = \(agencyID) AND s.month = \(month)
            """).first.map(decode)
    }

    /// Records a new month's figure; nil when another transaction recorded it first.
    public static func insert(agencyID: Int64, month: Month, amount: Decimal, on connection: Connection) throws -> FAIStatisticRecord? {
        try connection.query("""
            INSERT INTO app.fai_statistics AS s (agency_id, month, amount) VALUES (\(agencyID), \(month), \(amount))
            ON CONFLICT (agency_id, month) DO NOTHING
            RETURNING \(unsafeSQL: columns)
            """).first.map(decode)
    }

    /// Replaces a figure if it is still at `version`; nil when no row was changed.
    public static func update(agencyID: Int64, month: Month, version: Int, amount: Decimal, on connection: Connection) throws -> FAIStatisticRecord? {
        try connection.query("""
            UPDATE app.fai_statistics AS s SET amount = \(amount)
             WHERE s.agency_id = \(agencyID) AND s.month = \(month) AND s.version = \(version)
            RETURNING \(unsafeSQL: columns)
            """).first.map(decode)
    }

    static func decode(_ row: Row) throws -> FAIStatisticRecord {
        FAIStatisticRecord(
            id: try row.decode("id"), version: try row.decode("version"), agencyID: try row.decode("agency_id"),
            month: try row.decode("month"), amount: try row.decode("amount"), updatedAt: try row.decode("updated_at")
        )
    }
}
