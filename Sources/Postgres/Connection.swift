import CLibPQ
import Synchronization

/// One PostgreSQL connection. Owns its `PGconn` and closes it when released.
///
/// All methods block the calling thread: call them from a thread pool (`ConnectionPool` does),
/// never from an event loop. The lock serialises use, so a connection is safe to share.
public final class Connection: Sendable {
    struct State {
        var handle: OpaquePointer?
        /// Named prepared statements by SQL text; names are never reused on one connection.
        var prepared: [String: String] = [:]
        /// The columns of each prepared statement's results, by statement name.
        var layouts: [String: ColumnLayout] = [:]
        var nextStatement = 0
        /// Names of statements whose plans went stale, to deallocate when no transaction is open.
        var discarded: [String] = []
        /// Statements to send ahead of the next one, in its pipeline (`enqueue`).
        var queued: [Query] = []
        /// Whether the open transaction's `COMMIT` goes out after the next statement, in its
        /// pipeline (`commitWithNextStatement`).
        var commitAfterNext = false
        /// Whether that `COMMIT` went out and succeeded, ending the transaction.
        var committedWithStatement = false
        /// Pipelines sent without waiting whose results are still to be read (`sendWithoutWaiting`).
        var unreadPipelines = 0
        /// Pipelines sent and waited for, so a transaction knows whether its `BEGIN` went out.
        var pipelinesSent = 0
        var statementsSinceCheckout = 0
        /// Whether work of this checkout may have been committed (a pipeline ended outside a transaction).
        var committedSinceCheckout = false

        func openHandle() throws -> OpaquePointer {
            guard let handle else { throw PostgresError(.connectionLost, reason: "connection was closed") }
            return handle
        }

        /// Forgets everything tied to the server session (after a reconnect or close).
        mutating func forgetSession() {
            prepared = [:]
            layouts = [:]
            discarded = []
            queued = []
            commitAfterNext = false
            committedWithStatement = false
            unreadPipelines = 0
        }
    }

    static let preparedStatementLimit = 512
    let state: Mutex<State>

    private init(handle: sending OpaquePointer) {
        state = Mutex(State(handle: handle))
    }

    deinit {
        state.withLock { state in
            if let handle = state.handle { PQfinish(handle) }
            state.handle = nil
        }
    }

    /// Opens a connection from a libpq connection string or URI (`postgresql://…`).
    public static func connect(url: String) throws -> Connection {
        guard let handle = PQconnectdb(url) else {
            throw PostgresError(.connectionFailed, reason: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Connection.lastError(handle)
            PQfinish(handle)
            throw PostgresError(.connectionFailed, reason: message)
        }
        let connection = Connection(handle: handle)
        try connection.prepareSession()
        return connection
    }

    /// Closes the connection now instead of at release.
    public func close() {
        state.withLock { state in
            if let handle = state.handle { PQfinish(handle) }
            state.handle = nil
            state.forgetSession()
        }
    }

    /// True while libpq believes the connection usable.
    public var isOpen: Bool {
        state.withLock { state in state.handle.map { PQstatus($0) == CONNECTION_OK } ?? false }
    }

    /// Re-opens a broken connection with the same parameters.
    public func reset() throws {
        try state.withLock { state in
            guard let handle = state.handle else {
                throw PostgresError(.connectionLost, reason: "connection was closed")
            }
            PQreset(handle)
            state.forgetSession()
            guard PQstatus(handle) == CONNECTION_OK else {
                throw PostgresError(.connectionFailed, reason: Connection.lastError(handle))
            }
        }
        try prepareSession()
    }

    /// Runs one statement with bound parameters and returns its rows. It goes out in one pipeline
    /// with the statements queued before it (`enqueue`); a statement with parameters is prepared
    /// on this connection on first use and executed by name afterwards.
    @discardableResult
    public func query(_ query: Query) throws -> ResultSet {
        try pipeline([query])[0]
    }

    /// Runs one statement and returns the number of rows it changed.
    @discardableResult
    public func execute(_ query: Query) throws -> Int {
        try self.query(query).affectedRows
    }

    /// Runs SQL text that may hold several statements and no parameters (migrations, scripts).
    public func simpleQuery(_ sql: String) throws {
        try state.withLock { state in
            let handle = try state.openHandle()
            state.statementsSinceCheckout += 1
            try Connection.leavePipeline(&state, handle)
            guard PQsendQuery(handle, sql) == 1 else {
                throw Connection.failure(handle, result: nil)
            }
            var firstError: PostgresError?
            while let result = PQgetResult(handle) {
                do { _ = try Connection.check(result, handle: handle) } catch let error as PostgresError {
                    if firstError == nil { firstError = error }
                }
            }
            if let firstError { throw firstError }
        }
    }

    /// Starts counting statements for one unit of work (see `ConnectionPool.runRecovering`).
    func beginCheckout() {
        state.withLock { state in
            state.statementsSinceCheckout = 0
            state.committedSinceCheckout = false
            state.queued = []
            state.commitAfterNext = false
            state.committedWithStatement = false
        }
    }

    var statementsSinceCheckout: Int {
        state.withLock { $0.statementsSinceCheckout }
    }

    var committedSinceCheckout: Bool {
        state.withLock { $0.committedSinceCheckout }
    }

    var pipelinesSent: Int {
        state.withLock { $0.pipelinesSent }
    }

    private func prepareSession() throws {
        state.withLock { state in
            if let handle = state.handle { PQsetNoticeProcessor(handle, { _, _ in }, nil) }
        }
        // UTF-8 whatever the database's encoding: text is read as UTF-8 (`String`, `RecordRows`).
        try simpleQuery("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 3; SET client_encoding = 'UTF8'")
    }
}
