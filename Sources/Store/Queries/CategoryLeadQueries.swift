import Campaign
import Foundation
import Postgres

/// The department that leads a category's projects by default (county reference data).
public struct CategoryLeadRecord: Sendable, Equatable, JSONRecord {
    public var category: ProjectCategory
    public var departmentID: Int64
    public var version: Int
    public var updatedAt: Date

    public static let members: [JSONMember<Self>] = [
        .choice("category") { $0.category },
        .integer("version") { $0.version },
        .id("department_id") { $0.departmentID },
        .timestamp("updated_at") { $0.updatedAt },
    ]
}

/// Reads and writes `app.category_lead_departments`.
public enum CategoryLeadQueries {
    static let columns = "c.category, c.department_id, c.version, c.updated_at"

    /// Every mapped category, in the vocabulary's order.
    public static func list(limit: Int, offset: Int, on connection: Connection) throws -> (items: [CategoryLeadRecord], total: Int) {
        let order = ProjectCategory.allCases.map(\.rawValue)
        let rows = try connection.query("""
            SELECT \(unsafeSQL: columns), count(*) OVER () AS total
              FROM app.category_lead_departments c
             ORDER BY array_position(\(order)::text[], c.category), c.category
             LIMIT \(limit) OFFSET \(offset)
            """)
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? list(limit: 1, offset: 0, on: connection).total : 0)
        return (try rows.map(decode), total)
    }

    /// One category's mapping, or nil.
    public static func find(_ category: ProjectCategory, on connection: Connection) throws -> CategoryLeadRecord? {
        try connection.query("""
            SELECT \(unsafeSQL: columns) FROM app.category_lead_departments c WHERE c.category = \(category.rawValue)
            """).first.map(decode)
    }

    /// Maps a category that had no mapping; nil when another transaction mapped it first.
    public static func insert(_ category: ProjectCategory, departmentID: Int64, on connection: Connection) throws -> CategoryLeadRecord? {
        try connection.query("""
            INSERT INTO app.category_lead_departments AS c (category, department_id) VALUES (\(category.rawValue), \(departmentID))
            ON CONFLICT (category) DO NOTHING
            RETURNING \(unsafeSQL: columns)
            """).first.map(decode)
    }

    /// Changes a category's department if the mapping is still at `version`; nil when no row changed.
    public static func update(_ category: ProjectCategory, version: Int, departmentID: Int64, on connection: Connection) throws -> CategoryLeadRecord? {
        try connection.query("""
            UPDATE app.category_lead_departments AS c SET department_id = \(departmentID)
             WHERE c.category = \(category.rawValue) AND c.version = \(version)
            RETURNING \(unsafeSQL: columns)
            """).first.map(decode)
    }

    static func decode(_ row: Row) throws -> CategoryLeadRecord {
        CategoryLeadRecord(
            category: try row.decode("category"), departmentID: try row.decode("department_id"),
            version: try row.decode("version"), updatedAt: try row.decode("updated_at")
        )
    }
}
