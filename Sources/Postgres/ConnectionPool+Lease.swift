import NIOPosix

/// A pooled connection held across suspension points, for work that interleaves database
/// statements with waiting for something else (an upload's next piece). Each `run` is one hop to
/// the pool's threads; the connection stays this holder's until the lease ends.
public struct LeasedConnection: Sendable {
    let connection: Connection
    let threadPool: NIOThreadPool

    /// Runs blocking work with the leased connection on the pool's threads.
    public func run<T: Sendable>(_ work: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await threadPool.runIfActive { try work(connection) }
    }
}

extension ConnectionPool {
    /// Holds one connection for the whole of `body` and gives it back afterwards.
    public func withLease<T: Sendable>(_ body: (LeasedConnection) async throws -> T) async throws -> T {
        let connection = try await acquire()
        defer { release(connection) }
        if !connection.isOpen { try await threadPool.runIfActive { try connection.reset() } }
        return try await body(LeasedConnection(connection: connection, threadPool: threadPool))
    }
}
