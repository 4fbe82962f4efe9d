import Campaign
import Postgres

/// The application's door to PostgreSQL: transactions that carry a database role and a caller.
///
/// Transactions run on the primary, except inside `Database.$readIntent` (set by the HTTP layer
/// for read-only requests) when there are streaming standbys: see `Database+Routing`.
public struct Database: Sendable {
    /// The database roles this program switches to inside a transaction.
    public enum Role: String, Sendable {
        /// The HTTP server: every table under row-level security as the caller.
        case app = "projectyear_app"
        /// The assessment worker: reads what rankings need, writes assessment tables only.
        case worker = "projectyear_worker"
    }

    /// The primary's pool.
    public let pool: ConnectionPool
    /// Streaming standbys for reads, if configured.
    public let replicas: ReplicaSet?

    public init(pool: ConnectionPool, replicas: ReplicaSet? = nil) {
        self.pool = pool
        self.replicas = replicas
    }

    /// Runs `body` in one transaction as `caller` under row-level security. `BEGIN` and the
    /// caller's settings go out with the body's first statement, in one round trip.
    public func transaction<T: Sendable>(
        as caller: Caller, _ body: @escaping @Sendable (Connection) throws -> T
    ) async throws -> T {
        try await routed { pool in
            try await pool.withTransaction { connection in
                try Self.setCaller(caller, on: connection)
                return try body(connection)
            }
        }
    }

    /// Runs `body`, which only reads, in one `READ ONLY` transaction as `caller`: `BEGIN`, the
    /// settings and the first statement in one round trip, and a `COMMIT` not waited for (a
    /// read-only transaction's outcome cannot change what it read). A one-statement read costs
    /// one round trip.
    public func read<T: Sendable>(
        as caller: Caller, _ body: @escaping @Sendable (Connection) throws -> T
    ) async throws -> T {
        try await routed { pool in
            try await pool.withTransaction(readOnly: true) { connection in
                try Self.setCaller(caller, on: connection)
                return try body(connection)
            }
        }
    }

    /// Runs `body` in one transaction as `role` with no caller (sign-in, the worker), at
    /// `isolation` and, with `readOnly`, as a `READ ONLY` transaction (the worker reads a run's
    /// inputs in one `repeatableRead` snapshot).
    public func transaction<T: Sendable>(
        role: Role, isolation: IsolationLevel = .readCommitted, readOnly: Bool = false,
        _ body: @escaping @Sendable (Connection) throws -> T
    ) async throws -> T {
        try await routed { pool in
            try await pool.withTransaction(readOnly: readOnly, isolation: isolation) { connection in
                connection.enqueue("SELECT set_config('role', \(role.rawValue), true)")
                return try body(connection)
            }
        }
    }

    /// Switches the open transaction to the app role acting for `caller`: the settings are queued
    /// to go out with the connection's next statement (`Connection.enqueue`), and are local to the
    /// transaction, so they end with it (COMMIT or ROLLBACK) and never reach the next one.
    public static func setCaller(_ caller: Caller, on connection: Connection) throws {
        connection.enqueue("""
            SELECT set_config('role', \(Role.app.rawValue), true),
                   set_config('app.user_id', \(String(caller.userID)), true),
                   set_config('app.agency_id', \(String(caller.agencyID)), true),
                   set_config('app.agency_kind', \(caller.agencyKind.rawValue), true),
                   set_config('app.role', \(caller.role.rawValue), true)
            """)
    }
}
