import Logging
import NIOPosix
import Synchronization

/// A bounded pool of connections whose blocking libpq calls run on a dedicated thread pool.
///
/// Units of work wait in arrival order when every connection is in use, and fail with
/// `PostgresError.Kind.poolTimeout` after `acquireTimeout`. A connection found broken is reset
/// before use, and a unit of work whose very first statement hit a lost connection (a restarted
/// server, a terminated backend) is run once more on the re-opened connection; so is one whose
/// transaction met a stale prepared statement (a schema change: SQLSTATE 0A000 or 26000).
public final class ConnectionPool: Sendable {
    /// How to reach the database and how many connections to hold.
    public struct Configuration: Sendable {
        public var url: String
        public var maxConnections: Int
        public var acquireTimeout: Duration

        public init(url: String, maxConnections: Int = 8, acquireTimeout: Duration = .seconds(10)) {
            self.url = url
            self.maxConnections = max(1, maxConnections)
            self.acquireTimeout = acquireTimeout
        }
    }

    /// Connections in use and units of work waiting, for metrics.
    public struct Statistics: Sendable, Equatable {
        public var open: Int
        public var inUse: Int
        public var waiting: Int
    }

    public let configuration: Configuration
    let threadPool: NIOThreadPool
    let state = Mutex(PoolState())
    let logger: Logger

    public init(configuration: Configuration, logger: Logger = Logger(label: "projectyear.postgres")) {
        self.configuration = configuration
        self.logger = logger
        self.threadPool = NIOThreadPool(numberOfThreads: configuration.maxConnections)
        threadPool.start()
    }

    /// Runs `body` with a connection on the pool's threads (in arrival order when all are busy,
    /// each on the thread of the connection that frees up first: `submit`).
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit(PoolJob { connection in
                let result = Result { try Self.runRecovering(connection.get(), body) }
                return { continuation.resume(with: result) }
            })
        }
    }

    /// Runs `body` in a transaction on a pooled connection; any thrown error rolls it back.
    /// `readOnly`: a `READ ONLY` transaction whose `COMMIT` is not waited for (`Connection.withTransaction`).
    public func withTransaction<T: Sendable>(
        readOnly: Bool = false, isolation: IsolationLevel = .readCommitted,
        _ body: @escaping @Sendable (Connection) throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            try connection.withTransaction(readOnly: readOnly, isolation: isolation, body)
        }
    }

    /// The pool's current use.
    public var statistics: Statistics {
        state.withLock { state in
            Statistics(open: state.opened, inUse: state.opened - state.idle.count, waiting: state.waiters.count)
        }
    }

    /// Closes every connection, fails the work still waiting and stops the threads.
    public func shutdown() async {
        let (idle, waiters) = state.withLock { state in
            state.closed = true
            state.opened -= state.idle.count
            defer { state.idle = []; state.waiters = [] }
            return (state.idle, state.waiters)
        }
        for waiter in waiters {
            waiter.job.fail(PostgresError.poolShutDown)
        }
        idle.forEach { $0.close() }
        try? await threadPool.shutdownGracefully()
    }

    static func runRecovering<T>(_ connection: Connection, _ body: (Connection) throws -> T) throws -> T {
        if !connection.isOpen { try connection.reset() }
        connection.beginCheckout()
        do {
            return try body(connection)
        } catch let error as PostgresError where error.kind == .connectionLost && connection.statementsSinceCheckout <= 1 {
            try connection.reset()
            connection.beginCheckout()
            return try body(connection)
        } catch let error as PostgresError where error.staleStatement && !connection.committedSinceCheckout {
            // A prepared statement went stale inside a transaction, which rolled back: nothing of
            // this unit of work took effect, so it runs once more with the statement re-prepared.
            connection.beginCheckout()
            return try body(connection)
        }
    }
}

extension PostgresError {
    /// What every caller of a pool that is shut down gets.
    static var poolShutDown: PostgresError {
        PostgresError(.poolClosed, reason: "the connection pool is shut down")
    }
}
