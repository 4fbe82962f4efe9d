import NIOPosix

/// The pool's bookkeeping, guarded by its mutex.
struct PoolState {
    var idle: [Connection] = []
    var opened = 0
    var waiters: [PoolWaiter] = []
    var closed = false
    /// The task that fails waiters past their deadline is running (`expireWaiters`).
    var expiring = false

    /// A connection or the right to open one, for a caller that may have it now: none is waiting
    /// before it and one is idle, or there is room for another. Nil when it must wait.
    mutating func grant(maxConnections: Int) throws -> PoolGrant? {
        if closed { throw PostgresError(.poolClosed, reason: "the connection pool is shut down") }
        if waiters.isEmpty, let connection = idle.popLast() { return .connection(connection) }
        guard opened < maxConnections else { return nil }
        opened += 1
        return .open
    }
}

/// A caller waiting for a connection. Waiters are queued in arrival order, each with its deadline
/// taken under the same lock, and all have the same timeout: the first one's deadline is the earliest.
struct PoolWaiter {
    var continuation: CheckedContinuation<PoolGrant, any Error>
    var deadline: ContinuousClock.Instant
}

/// What a waiting caller is given: a connection, or the right to open one.
enum PoolGrant {
    case connection(Connection)
    case open
}

extension ConnectionPool {
    func acquire() async throws -> Connection {
        let max = configuration.maxConnections
        let grant: PoolGrant
        if let now = try state.withLock({ try $0.grant(maxConnections: max) }) {
            grant = now
        } else {
            grant = try await waitForGrant()
        }
        switch grant {
        case .connection(let connection):
            return connection
        case .open:
            return try await open()
        }
    }

    private func open() async throws -> Connection {
        let url = configuration.url
        do {
            return try await threadPool.runIfActive { try Connection.connect(url: url) }
        } catch {
            let next = state.withLock { state -> PoolWaiter? in
                guard !state.waiters.isEmpty else {
                    state.opened -= 1
                    return nil
                }
                return state.waiters.removeFirst()
            }
            next?.continuation.resume(returning: .open)
            throw error
        }
    }

    /// Queues the caller, unless a connection was released (or the pool shut down) since it
    /// looked: deciding and queueing under one lock, no release can fall between the two (a
    /// connection released in that gap used to sit idle while callers waited out their timeout).
    func waitForGrant() async throws -> PoolGrant {
        let (max, timeout) = (configuration.maxConnections, configuration.acquireTimeout)
        return try await withCheckedThrowingContinuation { continuation in
            let (now, startExpiring) = state.withLock { state -> (Result<PoolGrant, any Error>?, Bool) in
                do {
                    if let grant = try state.grant(maxConnections: max) { return (.success(grant), false) }
                } catch {
                    return (.failure(error), false)
                }
                state.waiters.append(PoolWaiter(continuation: continuation, deadline: .now.advanced(by: timeout)))
                defer { state.expiring = true }
                return (nil, !state.expiring)
            }
            if let now { continuation.resume(with: now) }
            if startExpiring {
                Task { [weak self] in
                    while let next = self?.expireWaiters() { try? await Task.sleep(until: next, clock: .continuous) }
                }
            }
        }
    }

    /// Fails each waiter still waiting at its deadline and returns the next deadline, or nil
    /// (and the task that calls it stops) when no one waits: one timer for the pool, not one per
    /// waiting caller (a task and a timer per request under load cost a few per cent of the
    /// server's CPU).
    private func expireWaiters() -> ContinuousClock.Instant? {
        let (expired, next) = state.withLock { state -> ([PoolWaiter], ContinuousClock.Instant?) in
            let now = ContinuousClock.now
            let count = state.waiters.prefix { $0.deadline <= now }.count
            defer { state.waiters.removeFirst(count) }
            if state.waiters.count == count { state.expiring = false }
            return (Array(state.waiters.prefix(count)), state.waiters.dropFirst(count).first?.deadline)
        }
        for waiter in expired {
            waiter.continuation.resume(throwing: PostgresError(
                .poolTimeout,
                reason: "no database connection became free within \(configuration.acquireTimeout); the pool holds \(configuration.maxConnections)"
            ))
        }
        return next
    }

    func release(_ connection: Connection) {
        let waiter = state.withLock { state -> PoolWaiter? in
            if state.closed {
                state.opened -= 1
                return nil
            }
            guard !state.waiters.isEmpty else {
                state.idle.append(connection)
                return nil
            }
            return state.waiters.removeFirst()
        }
        if let waiter {
            waiter.continuation.resume(returning: .connection(connection))
        } else if state.withLock({ $0.closed }) {
            connection.close()
        }
    }
}
