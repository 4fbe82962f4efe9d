import Foundation
import Postgres

/// Sign-in, token lookup and sign-out, through the database's SECURITY DEFINER functions
/// (the app role cannot read password hashes or other users' sessions directly).
/// Tokens are stored only as their SHA-256, computed by PostgreSQL.
public enum SessionQueries {
    /// The channel the database notifies with a user id whose sessions changed (signed out,
    /// deactivated, password or role changed): every server drops what it cached of that user.
    public static let channel = "projectyear_sessions"

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

    /// When the session of `token` expires; nil when it has ended already (signed out, expired,
    /// its user deactivated).
    public static func expiry(token: String, on connection: Connection) throws -> Date? {
        try connection.query("SELECT app.session_expires_at(sha256(convert_to(\(token), 'UTF8'))) AS at")[0].decode("at")
    }

    /// Ends the session of `token`, and tells every server to forget it (`announceChange`).
    public static func delete(token: String, on connection: Connection) throws {
        _ = try connection.pipeline([
            """
            SELECT pg_notify(\(channel), user_id::text)
              FROM app.session_caller(sha256(convert_to(\(token), 'UTF8')))
            """,
            "SELECT app.delete_session(sha256(convert_to(\(token), 'UTF8')))",
        ])
    }

    /// Tells every server that user `id`'s sessions or account changed, so each drops the tokens
    /// it cached (the API's session cache). NOTIFY is delivered when the transaction commits, not if it
    /// rolls back.
    public static func announceChange(userID id: Int64, on connection: Connection) throws {
        try connection.execute("SELECT pg_notify(\(channel), \(String(id)))")
    }

    /// What `beginSignIn` decided: whether the password may be checked, or how long to wait.
    public struct Attempt: Sendable {
        public var allowed: Bool
        /// Seconds until the next attempt is allowed (when not allowed).
        public var retryAfter: Int
        /// Whether the address waits across usernames (not only for this username).
        public var byAddress = false
    }

    /// Counts an attempt for `username` from `address` before the password is checked, then one
    /// for the address across usernames (each row is locked, so concurrent attempts are counted
    /// one after another; migrations 0018 and 0058). Not allowed when either waits.
    public static func beginSignIn(
        username: String, address: String, policy: SignInPolicy, on connection: Connection
    ) throws -> Attempt {
        let pair = try begin(key: username, address: address, limit: policy.limit, policy: policy, on: connection)
        guard pair.allowed else { return pair }
        var byAddress = try begin(key: "", address: address, limit: policy.addressLimit, policy: policy, on: connection)
        byAddress.byAddress = true
        return byAddress
    }

    private static func begin(key: String, address: String, limit: Int, policy: SignInPolicy, on connection: Connection) throws -> Attempt {
        let row = try connection.query("""
            SELECT allowed, retry_after FROM app.sign_in_begin(\(key), \(address), \(limit),
                make_interval(secs => \(policy.base.seconds)::double precision),
                make_interval(secs => \(policy.cap.seconds)::double precision),
                make_interval(secs => \(policy.quiet.seconds)::double precision))
            """)[0]
        return Attempt(allowed: try row.decode("allowed"), retryAfter: try row.decode("retry_after"))
    }

    /// The password was right: the username and address start again from zero.
    public static func signInSucceeded(username: String, address: String, on connection: Connection) throws {
        try connection.execute("SELECT app.sign_in_succeeded(\(username), \(address))")
        try connection.execute("SELECT app.sign_in_address_succeeded(\(address))")
    }
}

/// The sign-in throttle: `limit` attempts per username and client address, and `addressLimit`
/// failed ones per address across usernames, then a wait of `base` that doubles with each
/// further failure up to `cap`; a row quiet for `quiet` starts afresh.
public struct SignInPolicy: Sendable {
    public var limit: Int
    public var addressLimit: Int
    public var base: Duration
    public var cap: Duration
    public var quiet: Duration

    public init(
        limit: Int = 10, addressLimit: Int = 20, base: Duration = .seconds(30), cap: Duration = .seconds(15 * 60),
        quiet: Duration = .seconds(24 * 3600)
    ) {
        self.limit = limit
        self.addressLimit = addressLimit
        self.base = base
        self.cap = cap
        self.quiet = quiet
    }
}

extension Duration {
    /// Whole seconds, as PostgreSQL's `make_interval(secs => …)` takes them.
    var seconds: Int { Int(components.seconds) }
}
