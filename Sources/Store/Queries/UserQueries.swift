import Campaign
import Postgres

/// Users as admins manage them. The app role may not read `password_hash`, so every statement
/// names its columns (never `*`).
public enum UserQueries {
    static let select = """
        SELECT u.id, u.username, u.display_name, u.role, u.active, u.version,
               a.id AS agency_id, a.code AS agency_code, a.name AS agency_name, a.kind AS agency_kind
          FROM app.users u JOIN app.agencies a ON a.id = u.agency_id
        """

    /// Visible users (optionally of one agency), by agency code then username, and how many.
    public static func list(agencyID: Int64?, limit: Int, offset: Int, on connection: Connection) throws -> (items: [UserRecord], total: Int) {
        let rows = try connection.query("""
            \(unsafeSQL: select)
             WHERE (\(agencyID)::bigint IS NULL OR u.agency_id = \(agencyID))
             ORDER BY a.code, u.username LIMIT \(limit) OFFSET \(offset)
            """)
        let total: Int = try connection.query("""
            SELECT count(*)::int AS n FROM app.users u WHERE (\(agencyID)::bigint IS NULL OR u.agency_id = \(agencyID))
            """)[0].decode("n")
        return (try rows.map(decode), total)
    }

    public static func find(id: Int64, on connection: Connection) throws -> UserRecord? {
        try connection.query("\(unsafeSQL: select) WHERE u.id = \(id)").first.map(decode)
    }

    /// Inserts a user and returns it (as a visible row).
    public static func insert(_ user: NewUser, on connection: Connection) throws -> UserRecord {
        let id: Int64 = try connection.query("""
            INSERT INTO app.users (agency_id, username, display_name, role, password_hash)
            VALUES (\(user.agencyID), \(user.username), \(user.displayName), \(user.role.rawValue), \(user.passwordHash))
            RETURNING id
            """)[0].decode("id")
        guard let record = try find(id: id, on: connection) else {
            throw PostgresError(.server, reason: "new user not visible", sqlState: SQLState.insufficientPrivilege)
        }
        return record
    }

    /// Applies `changes` if the user is still at `version`; nil when no row changed.
    /// (`password_hash` is only ever assigned, never read: the app role may not select it.)
    public static func update(id: Int64, version: Int, _ changes: UserChanges, on connection: Connection) throws -> UserRecord? {
        var query: Query = """
            UPDATE app.users SET display_name = coalesce(\(changes.displayName), display_name),
                   role = coalesce(\(changes.role?.rawValue), role), active = coalesce(\(changes.active), active)
            """
        if let hash = changes.passwordHash { query.append(", password_hash = \(hash)") }
        query.append(" WHERE id = \(id) AND version = \(version) RETURNING id")
        guard try connection.query(query).first != nil else { return nil }
        try SessionQueries.announceChange(userID: id, on: connection)
        return try find(id: id, on: connection)
    }

    /// An operator's password reset (as the database owner, `projectyear user password`): sets
    /// the hash, ends every session of the user (on every server: `announceChange`) and clears the
    /// user's sign-in throttle.
    /// Returns the number of sessions ended, or nil when no user has that name.
    public static func resetPassword(username: String, hash: String, on connection: Connection) throws -> Int? {
        try connection.withTransaction { connection in
            guard let row = try connection.query(
                "UPDATE app.users SET password_hash = \(hash) WHERE username = \(username) RETURNING id"
            ).first else { return nil }
            let id: Int64 = try row.decode("id")
            let ended = try connection.query("DELETE FROM app.sessions WHERE user_id = \(id) RETURNING id").count
            try SessionQueries.announceChange(userID: id, on: connection)
            try connection.execute("DELETE FROM app.sign_in_throttle WHERE username = \(username)")
            return ended
        }
    }

    static func decode(_ row: Row) throws -> UserRecord {
        UserRecord(
            id: try row.decode("id"), username: try row.decode("username"), displayName: try row.decode("display_name"),
            role: try row.decode("role"), active: try row.decode("active"),
            agency: AgencySummary(id: try row.decode("agency_id"), code: try row.decode("agency_code"),
                                  name: try row.decode("agency_name"), kind: try row.decode("agency_kind")),
            version: try row.decode("version")
        )
    }
}
