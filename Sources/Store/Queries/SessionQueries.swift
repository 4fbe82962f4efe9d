import Foundation
import Postgres

/// Sign-in, token lookup and sign-out, through the database's SECURITY DEFINER functions
/// (the app role cannot read password hashes or other users' sessions directly).
/// Tokens are stored only as their SHA-256, computed by PostgreSQL.
public enum SessionQueries {
    /// A user who may sign in, with their bcrypt hash.
    public struct Candidate: Sendable {
        public var user: UserSummary
        public var passwordHash: String
        public var active: Bool
    }

    public static func candidate(username: String, on connection: Connection) throws -> Candidate? {
        let rows = try connection.query("SELECT * FROM app.login_candidate(\(username))")
        return try rows.first.map { row in
            Candidate(user: try row.decodeUser(), passwordHash: try row.decode("password_hash"), active: try row.decode("active"))
        }
    }

    public static func create(userID: Int64, token: String, expiresAt: Date, on connection: Connection) throws {
        try connection.execute(
            "SELECT app.create_session(\(userID), sha256(convert_to(\(token), 'UTF8')), \(expiresAt))"
        )
    }

    /// The user of an unexpired session, or nil.
    public static func user(token: String, on connection: Connection) throws -> UserSummary? {
        let rows = try connection.query("SELECT * FROM app.session_caller(sha256(convert_to(\(token), 'UTF8')))")
        return try rows.first?.decodeUser()
    }

    /// Ends the session of `token`, and tells every server to forget it (`announceChange`).
    public static func delete(token: String, on connection: Connection) throws {
        _ = try connection.pipeline([
            """
            SELECT pg_notify(\(SessionCache.channel), user_id::text)
              FROM app.session_caller(sha256(convert_to(\(token), 'UTF8')))
            """,
            "SELECT app.delete_session(sha256(convert_to(\(token), 'UTF8')))",
        ])
    }

    /// Tells every server that user `id`'s sessions or account changed, so each drops the tokens
    /// it cached (`SessionCache`). NOTIFY is delivered when the transaction commits, not if it
    /// rolls back.
    public static func announceChange(userID id: Int64, on connection: Connection) throws {
        try connection.execute("SELECT pg_notify(\(SessionCache.channel), \(String(id)))")
    }

    public static func recordFailure(username: String, on connection: Connection) throws {
        try connection.execute("SELECT app.record_login_failure(\(username))")
    }

    /// Failed sign-ins for `username` within `window`, and when the oldest of them happened.
    public static func recentFailures(
        username: String, window: Duration, on connection: Connection
    ) throws -> (count: Int, oldest: Date?) {
        let seconds = String(window.components.seconds)
        let row = try connection.query(
            "SELECT count, oldest FROM app.recent_login_failures(\(username), make_interval(secs => \(seconds)::double precision))"
        )[0]
        return (try row.decode("count"), try row.decode("oldest"))
    }
}
