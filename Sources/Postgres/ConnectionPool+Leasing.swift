import NIOPosix

/// The pool's bookkeeping, guarded by its mutex.
struct PoolState {
    var idle: [Connection] = []
    var opened = 0
    var waiters: [PoolWaiter] = []
    var nextWaiterID: UInt64 = 0
    var closed = false
}

/// A caller waiting for a connection.
struct PoolWaiter {
    var id: UInt64
    var continuation: CheckedContinuation<PoolGrant, any Error>
    var timer: Task<Void, Never>?
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
            if let next {
                next.timer?.cancel()
                next.continuation.resume(returning: .open)
            }
            throw error
        }
    }

    private func waitForGrant() async throws -> PoolGrant {
        let timeout = configuration.acquireTimeout
        return try await withCheckedThrowingContinuation { continuation in
            let id = state.withLock { state in
                state.nextWaiterID += 1
                state.waiters.append(PoolWaiter(id: state.nextWaiterID, continuation: continuation))
                return state.nextWaiterID
            }
            let timer = Task { [weak self] in
                try? await Task.sleep(for: timeout)
                guard !Task.isCancelled else { return }
                self?.expireWaiter(id)
            }
            let served = state.withLock { state in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return true }
                state.waiters[index].timer = timer
                return false
            }
            if served { timer.cancel() }
        }
    }

    private func expireWaiter(_ id: UInt64) {
        let expired = state.withLock { state -> PoolWaiter? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index)
        }
        expired?.continuation.resume(throwing: PostgresError(
            .poolTimeout,
            reason: "no database connection became free within \(configuration.acquireTimeout); the pool holds \(configuration.maxConnections)"
        ))
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
            waiter.timer?.cancel()
            waiter.continuation.resume(returning: .connection(connection))
        } else if state.withLock({ $0.closed }) {
            connection.close()
        }
    }
}
