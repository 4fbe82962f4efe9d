/// A transaction's isolation level (PostgreSQL's default is `readCommitted`).
public enum IsolationLevel: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
}

extension Connection {
    /// Runs `body` inside `BEGIN … COMMIT`; any thrown error rolls the transaction back and is rethrown.
    ///
    /// `BEGIN` is queued to go out with the body's first statement (one round trip, not two), and a
    /// body that sends nothing costs nothing. With `readOnly` the transaction is `READ ONLY` and
    /// its `COMMIT` (or `ROLLBACK`) is not waited for: it cannot change what the body read, it holds
    /// no row locks, and the connection reads its outcome at its next use. `isolation` sets the
    /// transaction's isolation level (one snapshot for the whole body with `repeatableRead`). A
    /// body whose last statement carried the `COMMIT` (`commitWithNextStatement`) is not sent
    /// another.
    @discardableResult
    public func withTransaction<T>(
        readOnly: Bool = false, isolation: IsolationLevel = .readCommitted, _ body: (Connection) throws -> T
    ) throws -> T {
        let before = pipelinesSent
        let level = isolation == .readCommitted ? "" : " ISOLATION LEVEL \(isolation.rawValue)"
        enqueue("BEGIN\(unsafeSQL: level)\(unsafeSQL: readOnly ? " READ ONLY" : "")")
        do {
            let value = try body(self)
            let committed = takeCommittedWithStatement()
            if pipelinesSent == before {
                discardQueued()
            } else if committed {
                // the body's last statement carried it
            } else if readOnly {
                // Should the connection have broken meanwhile, the next checkout re-opens it.
                try? sendWithoutWaiting(["COMMIT"])
            } else {
                try execute("COMMIT")
            }
            return value
        } catch {
            let committed = takeCommittedWithStatement()
            if pipelinesSent == before || committed {
                discardQueued()
            } else if readOnly {
                try? sendWithoutWaiting(["ROLLBACK"])
            } else if isOpen {
                // Waited for: the transaction may hold row locks that the caller's next request,
                // or another client told of the failure, must find released.
                try? rollback()
            }
            throw error
        }
    }
}
