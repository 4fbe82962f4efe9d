import Campaign
import Postgres

/// Agencies: everybody reads the list; county admins create and rename them (row-level security).
public enum AgencyQueries {
    static let columns = "a.id, a.code, a.name, a.kind, a.division_code, a.version"

    /// Agencies ordered by kind then code, and how many there are.
    public static func list(limit: Int, offset: Int, on connection: Connection) throws -> (items: [AgencyRecord], total: Int) {
        let rows = try connection.query("""
            SELECT \(unsafeSQL: columns) FROM app.agencies a ORDER BY a.kind, a.code LIMIT \(limit) OFFSET \(offset)
            """)
        let total: Int = try connection.query("SELECT count(*)::int AS n FROM app.agencies")[0].decode("n")
        return (try rows.map(decode), total)
    }

    public static func find(id: Int64, on connection: Connection) throws -> AgencyRecord? {
        try connection.query("SELECT \(unsafeSQL: columns) FROM app.agencies a WHERE a.id = \(id)").first.map(decode)
    }

    public static func find(code: String, on connection: Connection) throws -> AgencyRecord? {
        try connection.query("SELECT \(unsafeSQL: columns) FROM app.agencies a WHERE a.code = \(code)").first.map(decode)
    }

    public static func insert(
        code: String, name: String, kind: AgencyKind, divisionCode: String? = nil, on connection: Connection
    ) throws -> AgencyRecord {
        let rows = try connection.query("""
            INSERT INTO app.agencies AS a (code, name, kind, division_code) VALUES (\(code), \(name), \(kind.rawValue), \(divisionCode))
            RETURNING \(unsafeSQL: columns)
            """)
        return try decode(rows[0])
    }

    /// Renames an agency (or changes its division code) if it is still at `version`; nil when no row changed.
    public static func update(
        id: Int64, version: Int, code: String, name: String, divisionCode: String?, on connection: Connection
    ) throws -> AgencyRecord? {
        try connection.query("""
            UPDATE app.agencies AS a SET code = \(code), name = \(name), division_code = \(divisionCode)
             WHERE a.id = \(id) AND a.version = \(version)
            RETURNING \(unsafeSQL: columns)
            """).first.map(decode)
    }

    static func decode(_ row: Row) throws -> AgencyRecord {
        AgencyRecord(
            summary: AgencySummary(id: try row.decode("id"), code: try row.decode("code"), name: try row.decode("name"),
                                   kind: try row.decode("kind")),
            divisionCode: try row.decode("division_code"),
            version: try row.decode("version")
        )
    }
}
