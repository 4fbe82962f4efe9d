import Postgres

/// Financing platforms: everybody reads them; county editors add them (row-level security).
public enum FinancingPlatformQueries {
    static let columns = "f.id, f.name, f.note, f.version"

    public static func list(limit: Int, offset: Int, on connection: Connection) throws -> (items: [FinancingPlatformRecord], total: Int) {
        let rows = try connection.query("""
            SELECT \(unsafeSQL: columns) FROM app.financing_platforms f ORDER BY f.name LIMIT \(limit) OFFSET \(offset)
            """)
        let total: Int = try connection.query("SELECT count(*)::int AS n FROM app.financing_platforms")[0].decode("n")
        return (try rows.map(decode), total)
    }

    public static func insert(name: String, note: String?, on connection: Connection) throws -> FinancingPlatformRecord {
        try decode(connection.query("""
            INSERT INTO app.financing_platforms AS f (name, note) VALUES (\(name), \(note)) RETURNING \(unsafeSQL: columns)
            """)[0])
    }

    static func decode(_ row: Row) throws -> FinancingPlatformRecord {
        FinancingPlatformRecord(id: try row.decode("id"), name: try row.decode("name"), note: try row.decode("note"),
                                version: try row.decode("version"))
    }
}
