import Campaign
import Foundation
import Postgres

/// Parks and their infrastructure items, under the caller's row-level security.
public enum ParkQueries {
    /// A park's columns with its readiness, as `reporting.park_readiness` computes it.
    static let select = """
        SELECT k.id, k.version, k.updated_at, k.name, k.district_id, k.standard,
               cardinality(app.park_standard_items(k.standard)) AS items_total,
               count(i.id) FILTER (WHERE i.status = 'done' AND i.item = ANY (app.park_standard_items(k.standard)))::integer AS items_done,
               coalesce(sum(i.planned_investment), 0) AS planned_investment,
               coalesce(sum(i.completed_investment), 0) AS completed_investment
          FROM app.parks k
          LEFT JOIN app.park_items i ON i.park_id = k.id
        """

    /// The parks (of one district when `districtID` is set), ordered by name, and how many in all.
    public static func list(districtID: Int64?, limit: Int, offset: Int, on connection: Connection) throws -> (items: [ParkRecord], total: Int) {
        let rows = try connection.query("""
            \(unsafeSQL: select)
             WHERE (\(districtID)::bigint IS NULL OR k.district_id = \(districtID))
             GROUP BY k.id
             ORDER BY k.name, k.id
             LIMIT \(limit) OFFSET \(offset)
            """)
        let total: Int = try connection.query("""
            SELECT count(*)::integer AS n FROM app.parks k WHERE (\(districtID)::bigint IS NULL OR k.district_id = \(districtID))
            """)[0].decode("n")
        return (try rows.map(decode), total)
    }

    /// One visible park, or nil.
    public static func find(id: Int64, on connection: Connection) throws -> ParkRecord? {
        try connection.query("\(unsafeSQL: select) WHERE k.id = \(id) GROUP BY k.id").first.map(decode)
    }

    /// Inserts a park and returns it.
    public static func insert(_ fields: ParkFields, on connection: Connection) throws -> ParkRecord {
        let id: Int64 = try connection.query("""
            INSERT INTO app.parks (name, district_id, standard)
            VALUES (\(fields.name), \(fields.districtID), \(fields.standard.rawValue)) RETURNING id
            """)[0].decode("id")
        return try find(id: id, on: connection)!
    }

    /// Updates a park if it is still at `version`; nil when no row was changed.
    public static func update(id: Int64, version: Int, to fields: ParkFields, on connection: Connection) throws -> ParkRecord? {
        let changed = try connection.execute("""
            UPDATE app.parks SET name = \(fields.name), district_id = \(fields.districtID), standard = \(fields.standard.rawValue)
             WHERE id = \(id) AND version = \(version)
            """)
        return changed == 0 ? nil : try find(id: id, on: connection)
    }

    static let itemColumns = "i.id, i.version, i.updated_at, i.park_id, i.item, i.status, i.planned_investment, i.completed_investment"

    /// A park's items in the order of the standards.
    public static func items(parkID: Int64, limit: Int, offset: Int, on connection: Connection) throws -> (items: [ParkItemRecord], total: Int) {
        let rows = try connection.query("""
            SELECT \(unsafeSQL: itemColumns), count(*) OVER () AS total
              FROM app.park_items i
             WHERE i.park_id = \(parkID)
             ORDER BY array_position(app.park_standard_items('eight_one'), i.item)
             LIMIT \(limit) OFFSET \(offset)
            """)
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? items(parkID: parkID, limit: 1, offset: 0, on: connection).total : 0)
        return (try rows.map(decodeItem), total)
    }

    /// One item of a park, or nil when it has not been recorded.
    public static func item(parkID: Int64, item: ParkItem, on connection: Connection) throws -> ParkItemRecord? {
        try connection.query("""
            SELECT \(unsafeSQL: itemColumns) FROM app.park_items i WHERE i.park_id = \(parkID) AND i.item = \(item.rawValue)
            """).first.map(decodeItem)
    }

    /// Records an item; nil when another transaction recorded it first.
    public static func insertItem(parkID: Int64, item: ParkItem, _ fields: ParkItemFields, on connection: Connection) throws -> ParkItemRecord? {
        try connection.query("""
            INSERT INTO app.park_items AS i (park_id, item, status, planned_investment, completed_investment)
            VALUES (\(parkID), \(item.rawValue), \(fields.status.rawValue), \(fields.plannedInvestment), \(fields.completedInvestment))
            ON CONFLICT (park_id, item) DO NOTHING
            RETURNING \(unsafeSQL: itemColumns)
            """).first.map(decodeItem)
    }

    /// Replaces an item if it is still at `version`; nil when no row was changed.
    public static func updateItem(parkID: Int64, item: ParkItem, version: Int, _ fields: ParkItemFields, on connection: Connection) throws -> ParkItemRecord? {
        try connection.query("""
            UPDATE app.park_items AS i SET status = \(fields.status.rawValue), planned_investment = \(fields.plannedInvestment),
                   completed_investment = \(fields.completedInvestment)
             WHERE i.park_id = \(parkID) AND i.item = \(item.rawValue) AND i.version = \(version)
            RETURNING \(unsafeSQL: itemColumns)
            """).first.map(decodeItem)
    }

    static func decode(_ row: Row) throws -> ParkRecord {
        let total: Int = try row.decode("items_total")
        let done: Int = try row.decode("items_done")
        return ParkRecord(
            id: try row.decode("id"), version: try row.decode("version"),
            fields: ParkFields(name: try row.decode("name"), districtID: try row.decode("district_id"), standard: try row.decode("standard")),
            updatedAt: try row.decode("updated_at"), itemsTotal: total, itemsDone: done,
            readiness: total > 0 ? (Decimal(done) / Decimal(total)).rounded(places: 4) : 0,
            plannedInvestment: try row.decode("planned_investment"), completedInvestment: try row.decode("completed_investment")
        )
    }

    static func decodeItem(_ row: Row) throws -> ParkItemRecord {
        ParkItemRecord(
            id: try row.decode("id"), version: try row.decode("version"), parkID: try row.decode("park_id"),
            item: try row.decode("item"),
            fields: ParkItemFields(
                status: try row.decode("status"), plannedInvestment: try row.decode("planned_investment"),
                completedInvestment: try row.decode("completed_investment")
            ),
            updatedAt: try row.decode("updated_at")
        )
    }
}
