import Postgres

extension Database {
    /// One transaction as `caller` that stays open while `body` awaits other things (the pieces
    /// of an upload arriving): `body` runs its statements through the lease. Commits when `body`
    /// returns, rolls back when it throws.
    public func streamingTransaction<T: Sendable>(
        as caller: Caller, _ body: (LeasedConnection) async throws -> T
    ) async throws -> T {
        try await pool.withLease { lease in
            do {
                try await lease.run { connection in
                    try connection.execute("BEGIN")
                    try Self.setCaller(caller, on: connection)
                }
                let value = try await body(lease)
                _ = try await lease.run { connection in try connection.execute("COMMIT") }
                return value
            } catch {
                _ = try? await lease.run { connection in if connection.isOpen { try connection.execute("ROLLBACK") } }
                throw error
            }
        }
    }
}
