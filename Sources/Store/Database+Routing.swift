import Postgres

/// That the running request only reads, and the write position it must see (its session's last write).
public struct ReadIntent: Sendable {
    public var after: WALPosition?

    public init(after: WALPosition?) {
        self.after = after
    }
}

extension Database {
    /// Set around a read-only request: its transactions may run on a standby.
    @TaskLocal public static var readIntent: ReadIntent?

    /// Runs `body` with a connection of the pool the current request's reads use (outside a transaction).
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await routed { pool in try await pool.withConnection(body) }
    }

    /// Runs `work` on a standby's pool when the request only reads and a standby is streaming and
    /// has replayed the session's last write; otherwise, or when the standby fails, on the primary's.
    func routed<T: Sendable>(_ work: @Sendable (ConnectionPool) async throws -> T) async throws -> T {
        guard let intent = Self.readIntent, let replicas, let replica = await replicas.replica(after: intent.after) else {
            return try await work(pool)
        }
        do {
            return try await work(replica.pool)
        } catch let error as PostgresError where Self.standbyCannotServe(error) {
            if error.sqlState != SQLState.readOnlyTransaction { replicas.markDown(replica) }
            return try await work(pool)
        }
    }

    /// Errors after which the same read is run on the primary: the standby is unreachable or
    /// going away, it cancelled the read for a conflict with replay, or the work wanted to write.
    static func standbyCannotServe(_ error: PostgresError) -> Bool {
        switch error.kind {
        case .connectionFailed, .connectionLost, .poolTimeout, .poolClosed: true
        case .server: [SQLState.readOnlyTransaction, SQLState.serializationFailure, SQLState.adminShutdown,
                       SQLState.crashShutdown, SQLState.cannotConnectNow].contains(error.sqlState)
        case .decoding, .misuse: false
        }
    }
}
