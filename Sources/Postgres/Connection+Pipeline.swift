import CLibPQ

/// One command of a pipeline, kept to match its results.
private struct SentCommand {
    /// A `Parse` of a named statement (its result says whether it may be cached) or an execution.
    var preparing: Bool
    var name: String?
    var sql: String
}

/// What one pipeline returned.
private struct PipelineOutcome {
    var results: [ResultSet] = []
    var error: PostgresError?
    var failed: SentCommand?
}

extension Connection {
    /// Runs `queries` as one pipeline (libpq pipeline mode: one network round trip for all of
    /// them), after the statements queued by `enqueue`, and returns each query's rows in order.
    /// The first failing statement's error is thrown; PostgreSQL skips the statements after it.
    public func pipeline(_ queries: [Query]) throws -> [ResultSet] {
        try state.withLock { state in
            let handle = try state.openHandle()
            state.statementsSinceCheckout += 1
            return try Connection.runPipeline(queries, state: &state, handle: handle)
        }
    }

    /// Queues `query` to go out ahead of the next statement, in the same pipeline: `BEGIN` and the
    /// caller's settings cost no round trip of their own. Its failure is the next statement's.
    public func enqueue(_ query: Query) {
        state.withLock { $0.queued.append(query) }
    }

    /// Sends the open transaction's `COMMIT` in the same pipeline as the next statement, which
    /// must be the transaction's last: a write and its commit in one round trip, and the commit
    /// still waited for (`withTransaction` then has nothing left to send). Should the statement
    /// fail, PostgreSQL skips the `COMMIT` and the transaction rolls back as before. A statement
    /// sent after it in the same transaction fails with `PostgresError.Kind.misuse`, unsent.
    public func commitWithNextStatement() {
        state.withLock { $0.commitAfterNext = true }
    }

    /// Drops the queued statements (a transaction whose body sent nothing).
    func discardQueued() {
        state.withLock { $0.queued = [] }
    }

    /// Whether the body's last statement carried the transaction's `COMMIT` and it succeeded;
    /// forgets a `COMMIT` still pending (a body that ended before sending another statement).
    func takeCommittedWithStatement() -> Bool {
        state.withLock { state in
            defer { (state.commitAfterNext, state.committedWithStatement) = (false, false) }
            return state.committedWithStatement
        }
    }

    /// Sends `queries` without waiting for their results, which the next use of the connection
    /// reads and discards: for the `COMMIT` or `ROLLBACK` of read-only work, whose outcome changes
    /// nothing the caller already has. PostgreSQL runs them before anything sent later.
    func sendWithoutWaiting(_ queries: [Query]) throws {
        try state.withLock { state in
            let handle = try state.openHandle()
            try Connection.drain(&state, handle)
            _ = try Connection.send(queries, state: &state, handle: handle)
            state.unreadPipelines += 1
        }
    }

    /// `ROLLBACK`, waited for. Rolling back commits nothing, so a unit of work that rolled back
    /// may still be run again (`ConnectionPool.runRecovering`).
    func rollback() throws {
        try state.withLock { state in
            let handle = try state.openHandle()
            let committed = state.committedSinceCheckout
            _ = try Connection.runPipeline(["ROLLBACK"], state: &state, handle: handle)
            state.committedSinceCheckout = committed
        }
    }

    /// Sends the queued statements, reads what earlier pipelines left unread and leaves pipeline
    /// mode, for the calls libpq allows only outside it (simple queries, COPY, `PQexec`).
    static func leavePipeline(_ state: inout State, _ handle: OpaquePointer) throws {
        if !state.queued.isEmpty { _ = try runPipeline([], state: &state, handle: handle) }
        try drain(&state, handle)
        if PQpipelineStatus(handle) != PQ_PIPELINE_OFF, PQexitPipelineMode(handle) != 1 {
            throw failure(handle, result: nil)
        }
    }

    static func runPipeline(
        _ queries: [Query], state: inout State, handle: OpaquePointer, resultFormat: Int32 = 0, retried: Bool = false
    ) throws -> [ResultSet] {
        if state.committedWithStatement, !queries.isEmpty {
            // It would run outside the transaction, without the caller's settings.
            throw PostgresError(.misuse, reason: "a statement was sent after its transaction's COMMIT, which went out with the one before it")
        }
        let committing = state.commitAfterNext && !queries.isEmpty
        let all = state.queued + queries + (committing ? ["COMMIT"] : [])
        state.queued = []
        state.commitAfterNext = false
        try drain(&state, handle)
        if try deallocateDiscarded(&state, handle) { try drain(&state, handle) }
        // Counted before sending: should the send fail midway, what went out (a queued BEGIN, say)
        // still runs, and the transaction must know to roll back (`withTransaction`).
        state.pipelinesSent += 1
        let sent = try send(all, state: &state, handle: handle, resultFormat: resultFormat)
        let outcome = try read(sent, state: &state, handle: handle)
        let idle = PQtransactionStatus(handle) == PQTRANS_IDLE
        guard var error = outcome.error else {
            if idle { state.committedSinceCheckout = true }
            if committing { state.committedWithStatement = true }
            return Array(outcome.results.dropLast(committing ? 1 : 0).suffix(queries.count))
        }
        guard let failed = outcome.failed, let name = failed.name, !failed.preparing,
              error.sqlState == SQLState.featureNotSupported || error.sqlState == SQLState.invalidStatementName
        else { throw error }
        // A cached statement went stale: its result type changed with the schema (0A000), or the
        // server no longer knows it (26000, after DISCARD ALL). Forget it and prepare it afresh.
        if error.sqlState == SQLState.invalidStatementName {
            state.prepared = [:]
            state.layouts = [:]
        } else {
            state.prepared[failed.sql] = nil
            state.layouts[name] = nil
            state.discarded.append(name)
        }
        // Outside a transaction block the pipeline's implicit transaction rolled back as a whole:
        // run it again. Inside one, the caller's unit of work is run again (ConnectionPool).
        if idle, !retried {
            state.queued = Array(all.dropLast(queries.count + (committing ? 1 : 0)))
            state.commitAfterNext = committing
            return try runPipeline(queries, state: &state, handle: handle, resultFormat: resultFormat, retried: true)
        }
        error.staleStatement = true
        throw error
    }

    /// Sends each query (preparing those with parameters on first use) and a sync. `resultFormat`
    /// 1 asks for every column in binary (see `bytes(_:)`).
    private static func send(
        _ queries: [Query], state: inout State, handle: OpaquePointer, resultFormat: Int32 = 0
    ) throws -> [SentCommand] {
        if PQpipelineStatus(handle) == PQ_PIPELINE_OFF, PQenterPipelineMode(handle) != 1 {
            throw failure(handle, result: nil)
        }
        var sent: [SentCommand] = []
        var preparing: [String: String] = [:]
        do {
            for query in queries {
                let count = Int32(query.binds.count)
                var name = query.binds.isEmpty ? nil : state.prepared[query.sql] ?? preparing[query.sql]
                if name == nil, !query.binds.isEmpty, state.prepared.count + preparing.count < preparedStatementLimit {
                    let fresh = "py\(state.nextStatement)"
                    state.nextStatement += 1
                    guard PQsendPrepare(handle, fresh, query.sql, count, nil) == 1 else { throw failure(handle, result: nil) }
                    sent.append(SentCommand(preparing: true, name: fresh, sql: query.sql))
                    preparing[query.sql] = fresh
                    name = fresh
                }
                let accepted = withParameters(query) { values, lengths, formats in
                    if let name { PQsendQueryPrepared(handle, name, count, values, lengths, formats, resultFormat) }
                    else { PQsendQueryParams(handle, query.sql, count, nil, values, lengths, formats, resultFormat) }
                }
                guard accepted == 1 else { throw failure(handle, result: nil) }
                sent.append(SentCommand(preparing: false, name: name, sql: query.sql))
            }
        } catch {
            // Close what was sent so far; its results are read and dropped at the next use.
            if PQpipelineSync(handle) == 1 { state.unreadPipelines += 1 }
            throw error
        }
        guard PQpipelineSync(handle) == 1 else { throw failure(handle, result: nil) }
        return sent
    }

    /// Reads one pipeline's results: each command's, then the sync.
    private static func read(_ sent: [SentCommand], state: inout State, handle: OpaquePointer) throws -> PipelineOutcome {
        var outcome = PipelineOutcome()
        for command in sent {
            guard let result = PQgetResult(handle) else { throw failure(handle, result: nil) }
            switch PQresultStatus(result) {
            case PGRES_PIPELINE_ABORTED:
                PQclear(result)
            case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
                if command.preparing {
                    state.prepared[command.sql] = command.name
                    PQclear(result)
                } else if let name = command.name {
                    let known = state.layouts[name]
                    let results = ResultSet(handle: result, layout: known)
                    if known == nil { state.layouts[name] = results.layout }
                    outcome.results.append(results)
                } else {
                    outcome.results.append(ResultSet(handle: result))
                }
            default:
                let error = failure(handle, result: result)
                PQclear(result)
                if error.kind == .connectionLost { throw error }
                if outcome.error == nil { (outcome.error, outcome.failed) = (error, command) }
            }
            while let extra = PQgetResult(handle) { PQclear(extra) }
        }
        guard let sync = PQgetResult(handle) else { throw failure(handle, result: nil) }
        defer { PQclear(sync) }
        guard PQresultStatus(sync) == PGRES_PIPELINE_SYNC else { throw failure(handle, result: nil) }
        return outcome
    }

    /// Reads and discards the results of pipelines sent without waiting.
    static func drain(_ state: inout State, _ handle: OpaquePointer) throws {
        var emptyReads = 0
        while state.unreadPipelines > 0 {
            guard let result = PQgetResult(handle) else {
                if PQstatus(handle) != CONNECTION_OK { throw failure(handle, result: nil) }
                emptyReads += 1
                // Two empty reads in a row: nothing is pending after all.
                if emptyReads > 1 { state.unreadPipelines = 0 }
                continue
            }
            emptyReads = 0
            if PQresultStatus(result) == PGRES_PIPELINE_SYNC { state.unreadPipelines -= 1 }
            PQclear(result)
        }
    }

    /// Deallocates statements whose cached plans went stale, once no transaction is open.
    /// True if it sent any (their results are then to be drained).
    private static func deallocateDiscarded(_ state: inout State, _ handle: OpaquePointer) throws -> Bool {
        guard !state.discarded.isEmpty, PQtransactionStatus(handle) == PQTRANS_IDLE else { return false }
        let statements = state.discarded.map { Query(sql: "DEALLOCATE \($0)") }
        state.discarded = []
        _ = try send(statements, state: &state, handle: handle)
        state.unreadPipelines += 1
        return true
    }
}
