import Postgres

/// The demo loader's own statements, run as the owner inside its one transaction: what the
/// database holds, the ids and sequences of the tables it writes (identifiers from its fixed list
/// of tables, never from input), and its COPY streams.
public enum DemoLoadQueries {
    /// Whether the schema is migrated, holds any agency, and holds the agency `countyCode`.
    public static func contents(countyCode: String, on connection: Connection) throws -> (migrated: Bool, agencies: Bool, county: Bool) {
        let migrated = try connection.query("SELECT to_regclass('app.agencies') IS NOT NULL").first?.decode(0, as: Bool.self) ?? false
        guard migrated else { return (false, false, false) }
        let row = try connection.query("""
            SELECT EXISTS (SELECT 1 FROM app.agencies), EXISTS (SELECT 1 FROM app.agencies WHERE code = \(countyCode))
            """).first
        return (true, try row?.decode(0, as: Bool.self) == true, try row?.decode(1, as: Bool.self) == true)
    }

    /// Locks `tables` (of schema `app`) against concurrent writes until the transaction ends.
    public static func lock(tables: [String], on connection: Connection) throws {
        let all = tables.map { "app.\($0)" }.joined(separator: ", ")
        try connection.execute(Query(sql: "LOCK TABLE \(all) IN SHARE ROW EXCLUSIVE MODE"))
    }

    /// The last id in use in `table`, or handed out by its sequence.
    public static func lastID(of table: String, on connection: Connection) throws -> Int {
        try connection.query(Query(sql: """
            SELECT greatest((SELECT coalesce(max(id), 0) FROM app.\(table)),
                            (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM \(sequence(table))))
            """)).first?.decode(0, as: Int.self) ?? 0
    }

    /// Moves `table`'s sequence to `value`, so the next insert gets the following id.
    public static func advanceSequence(of table: String, to value: Int, on connection: Connection) throws {
        try connection.execute(Query(sql: "SELECT setval('\(sequence(table))', \(value))"))
    }

    /// Streams lines of COPY text into `columns` of `table`; returns the rows written.
    public static func copy(
        into table: String, columns: String, on connection: Connection, _ lines: ((String) throws -> Void) throws -> Void
    ) throws -> Int {
        try connection.copyIn("COPY app.\(table) (\(columns)) FROM STDIN", produce: lines)
    }

    /// Whether `year` has a land quota already.
    public static func landQuotaExists(year: Int, on connection: Connection) throws -> Bool {
        try connection.query("SELECT EXISTS (SELECT 1 FROM app.land_quotas WHERE year = \(year))").first?.decode(0, as: Bool.self) ?? false
    }

    /// Writes `year`'s land quota (亩, as COPY text with two decimals).
    public static func insertLandQuota(year: Int, quota: String, reserved: String, on connection: Connection) throws {
        try connection.execute("INSERT INTO app.land_quotas (year, quota_mu, reserved_mu) VALUES (\(year), \(quota), \(reserved))")
    }

    /// Whether no category has a default lead department yet.
    public static func categoryLeadsMissing(on connection: Connection) throws -> Bool {
        try connection.query("SELECT NOT EXISTS (SELECT 1 FROM app.category_lead_departments)").first?.decode(0, as: Bool.self) ?? true
    }

    /// Turns triggers off for the rest of the transaction when the login is a superuser (a scale
    /// load skips history and foreign-key checks for speed); false when it is not.
    public static func skipTriggersIfSuperuser(on connection: Connection) throws -> Bool {
        let superuser = try connection.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").first?.decode(0, as: Bool.self) ?? false
        if superuser { try connection.execute("SET LOCAL session_replication_role = replica") }
        return superuser
    }

    private static func sequence(_ table: String) -> String { "app.\(table)_id_seq" }
}
