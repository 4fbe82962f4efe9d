import NIOPosix

/// The pool's bookkeeping, guarded by its mutex.
struct PoolState {
    var idle: [Connection] = []
    var opened = 0
    var waiters: [PoolWaiter] = []
    var nextWaiterID: UInt64 = 0
    var closed = false
    /// A task is sleeping until the first waiter's deadline (`expireWaiters`).
    var expiring = false
}

/// A caller waiting for a connection, in arrival order: every waiter has the same timeout, so
/// the first one's deadline is the earliest.
struct PoolWaiter {
    var id: UInt64
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
        let immediate: PoolGrant? = try state.withLock { state in
            if state.closed { throw PostgresError(.poolClosed, reason: "the connection pool is shut down") }
            if state.waiters.isEmpty, let connection = state.idle.popLast() { return .connection(connection) }
            if state.opened < configuration.maxConnections {
                state.opened += 1
                return .open
            }
            return nil
        }
        let grant: PoolGrant
        if let immediate { grant = immediate } else { grant = try await waitForGrant() }
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

    private func waitForGrant() async throws -> PoolGrant {
        let deadline = ContinuousClock.now.advanced(by: configuration.acquireTimeout)
        return try await withCheckedThrowingContinuation { continuation in
            let startExpiring = state.withLock { state in
                state.nextWaiterID += 1
                state.waiters.append(PoolWaiter(id: state.nextWaiterID, continuation: continuation, deadline: deadline))
                defer { state.expiring = true }
                return !state.expiring
            }
            if startExpiring { Task { [weak self] in await self?.expireWaiters() } }
        }
    }

    /// Fails each waiter still waiting at its deadline, sleeping until the first one's, while
    /// there are waiters: one timer for the pool, not one per waiting caller (a task and a
    /// timer per request under load cost a few per cent of the server's CPU).
    private func expireWaiters() async {
        while true {
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
            guard let next else { return }
            try? await Task.sleep(until: next, clock: .continuous)
        }
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
