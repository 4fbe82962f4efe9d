import Campaign
import Foundation
import Postgres

/// Annual targets per agency and indicator (`app.targets`, one row per indicator).
public enum TargetQueries {
    /// One stored indicator row.
    public struct StoredTarget: Sendable {
        public var indicator: Indicator
        public var amount: Decimal?
        public var version: Int
    }

    /// The visible targets of an agency for a year, or nil when it has none.
    public static func find(year: Int, agencyID: Int64, on connection: Connection) throws -> TargetRecord? {
        try group(connection.query("""
            SELECT t.year, t.agency_id, t.indicator, t.amount, t.version, t.updated_at, 0 AS total
              FROM app.targets t WHERE t.year = \(year) AND t.agency_id = \(agencyID)
            """)).first
    }

    /// The rows the caller may replace, locked until the transaction ends (empty for callers
    /// that may not write them).
    public static func lockRows(year: Int, agencyID: Int64, on connection: Connection) throws -> [StoredTarget] {
        try connection.query("""
            SELECT t.indicator, t.amount, t.version FROM app.targets t
             WHERE t.year = \(year) AND t.agency_id = \(agencyID) FOR UPDATE
            """).map { row in
            StoredTarget(indicator: try row.decode("indicator"), amount: try row.decode("amount"), version: try row.decode("version"))
        }
    }

    /// Inserts the indicators not stored yet; returns how many rows were inserted (fewer when
    /// another transaction stored some first).
    public static func insert(year: Int, agencyID: Int64, amounts: [Indicator: Decimal?], on connection: Connection) throws -> Int {
        var inserted = 0
        for (indicator, amount) in amounts.sorted(by: { $0.key < $1.key }) {
            inserted += try connection.execute("""
                INSERT INTO app.targets (year, agency_id, indicator, amount) VALUES (\(year), \(agencyID), \(indicator.rawValue), \(amount))
                ON CONFLICT (year, agency_id, indicator) DO NOTHING
                """)
        }
        return inserted
    }

    /// Sets stored indicators' amounts (each row's version moves on).
    public static func update(year: Int, agencyID: Int64, amounts: [Indicator: Decimal?], on connection: Connection) throws {
        for (indicator, amount) in amounts.sorted(by: { $0.key < $1.key }) {
            try connection.execute("""
                UPDATE app.targets SET amount = \(amount)
                 WHERE year = \(year) AND agency_id = \(agencyID) AND indicator = \(indicator.rawValue)
                """)
        }
    }

    /// The visible agencies' targets for a year, by agency code, and how many agencies in all.
    public static func list(year: Int, limit: Int, offset: Int, on connection: Connection) throws -> (items: [TargetRecord], total: Int) {
        let rows = try connection.query("""
            WITH agencies AS (
                SELECT a.id, a.code, count(*) OVER () AS total
                  FROM app.agencies a
                 WHERE EXISTS (SELECT 1 FROM app.targets t WHERE t.year = \(year) AND t.agency_id = a.id)
                 ORDER BY a.code LIMIT \(limit) OFFSET \(offset))
            SELECT t.year, t.agency_id, t.indicator, t.amount, t.version, t.updated_at, g.total
              FROM agencies g JOIN app.targets t ON t.agency_id = g.id AND t.year = \(year)
             ORDER BY g.code
            """)
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? list(year: year, limit: 1, offset: 0, on: connection).total : 0)
        return (try group(rows), total)
    }

    /// Folds indicator rows (ordered by agency) into one record per agency.
    static func group(_ rows: ResultSet) throws -> [TargetRecord] {
        var records: [TargetRecord] = []
        for row in rows.rows {
            let agencyID: Int64 = try row.decode("agency_id")
            let indicator: Indicator = try row.decode("indicator")
            let amount: Decimal? = try row.decode("amount")
            let version: Int = try row.decode("version")
            let updatedAt: Date = try row.decode("updated_at")
            if let last = records.indices.last, records[last].agencyID == agencyID {
                records[last].amounts[indicator] = amount
                records[last].version = max(records[last].version, version)
                records[last].updatedAt = max(records[last].updatedAt, updatedAt)
            } else {
                records.append(TargetRecord(
                    year: try row.decode("year"), agencyID: agencyID, amounts: [indicator: amount], version: version, updatedAt: updatedAt
                ))
            }
        }
        return records
    }
}
