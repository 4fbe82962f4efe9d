import NIOCore
import NIOPosix

/// The pool's bookkeeping, guarded by its mutex.
struct PoolState {
    var idle: [Connection] = []
    var opened = 0
    /// In arrival order; a ring, so that taking the first (once per request under load, under
    /// the lock) does not move the rest.
    var waiters: CircularBuffer<PoolWaiter> = []
    var closed = false
    /// The task that fails waiters past their deadline is running (`expireWaiters`).
    var expiring = false

    /// A connection or the right to open one, for work that may have it now: none is waiting
    /// before it and one is idle, or there is room for another. Nil when it must wait.
    mutating func grant(maxConnections: Int) throws -> PoolGrant? {
        if closed { throw PostgresError.poolShutDown }
        if waiters.isEmpty, let connection = idle.popLast() { return .connection(connection) }
        guard opened < maxConnections else { return nil }
        opened += 1
        return .open
    }
}

/// A unit of work waiting for a connection. Waiters are queued in arrival order, each with its
/// deadline taken under the same lock, and all have the same timeout: the first one's deadline is
/// the earliest.
struct PoolWaiter {
    var job: PoolJob
    var deadline: ContinuousClock.Instant
}

/// A unit of work waiting for a connection: `run` does it with the connection (or fails with
/// why there is none) and returns how to resume its caller, which the pool does once the
/// connection is released: a caller never sees its connection still in use.
struct PoolJob: Sendable {
    let run: @Sendable (Result<Connection, any Error>) -> @Sendable () -> Void

    func fail(_ error: any Error) {
        run(.failure(error))()
    }
}

/// What a unit of work is granted: a connection, or the right to open one.
enum PoolGrant {
    case connection(Connection)
    case open
}

extension ConnectionPool {
    /// Runs `job` with a connection on the pool's threads: at once when one is idle or may be
    /// opened, else on the thread of the connection that frees up first, right after its work.
    func submit(_ job: PoolJob) {
        switch grantOrQueue(job) {
        case .success(let grant): start(job, with: grant)
        case .failure(let error): job.fail(error)
        case nil: break
        }
    }

    /// A grant for `job` now, or nil once it is queued: deciding and queueing under one lock, no
    /// release can fall between the two (a connection released in that gap would sit idle while
    /// work waited out its timeout).
    private func grantOrQueue(_ job: PoolJob) -> Result<PoolGrant, any Error>? {
        let (max, timeout) = (configuration.maxConnections, configuration.acquireTimeout)
        let (now, startExpiring) = state.withLock { state -> (Result<PoolGrant, any Error>?, Bool) in
            do {
                if let grant = try state.grant(maxConnections: max) { return (.success(grant), false) }
            } catch {
                return (.failure(error), false)
            }
            state.waiters.append(PoolWaiter(job: job, deadline: .now.advanced(by: timeout)))
            defer { state.expiring = true }
            return (nil, !state.expiring)
        }
        if startExpiring {
            Task { [weak self] in
                while let next = self?.expireWaiters() { try? await Task.sleep(until: next, clock: .continuous) }
            }
        }
        return now
    }

    /// Starts `job` on a pool thread with the granted connection, or with one it opens there.
    private func start(_ job: PoolJob, with grant: PoolGrant) {
        let url = configuration.url
        threadPool.submit { [self] work in
            guard case .active = work else { // the pool is shut down: the grant goes unused
                state.withLock { $0.opened -= 1 }
                if case .connection(let connection) = grant { connection.close() }
                job.fail(PostgresError.poolShutDown)
                return
            }
            switch grant {
            case .connection(let connection):
                serve(job, on: connection)
            case .open:
                do {
                    serve(job, on: try Connection.connect(url: url))
                } catch {
                    openFailed()
                    job.fail(error)
                }
            }
        }
    }

    /// Runs `job` on this pool thread, then the jobs queued behind it with the same connection,
    /// until none waits: under load a connection goes from one request's statements to the next
    /// without being handed back through Swift's executor and the pool's queue (two thread
    /// switches a request).
    private func serve(_ job: PoolJob, on connection: Connection) {
        var job = job
        while true {
            let resume = job.run(.success(connection))
            let next = nextWaiter(releasing: connection)
            resume()
            guard let next else { return }
            job = next.job
        }
    }

    /// A failed attempt to open a connection gives its place to the next waiter, if any.
    private func openFailed() {
        let next = state.withLock { state -> PoolWaiter? in
            guard !state.waiters.isEmpty else {
                state.opened -= 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        if let next { start(next.job, with: .open) }
    }

    /// Fails each waiter still waiting at its deadline and returns the next deadline, or nil
    /// (and the task that calls it stops) when no one waits: one timer for the pool, not one per
    /// waiting caller (a task and a timer per request under load cost a few per cent of the
    /// server's CPU).
    private func expireWaiters() -> ContinuousClock.Instant? {
        let (expired, next) = state.withLock { state -> ([PoolWaiter], ContinuousClock.Instant?) in
            let expired = state.removeExpired(at: .now)
            if state.waiters.isEmpty { state.expiring = false }
            return (expired, state.waiters.first?.deadline)
        }
        failExpired(expired)
        return next
    }

    private func failExpired(_ expired: [PoolWaiter]) {
        for waiter in expired {
            waiter.job.fail(PostgresError(
                .poolTimeout,
                reason: "no database connection became free within \(configuration.acquireTimeout); the pool holds \(configuration.maxConnections)"
            ))
        }
    }

    /// The waiter that `connection` goes to next, or nil when it went idle (or was closed, the
    /// pool being shut down). Waiters already past their deadline are failed, not served: a
    /// waiter's timeout holds however late the expiry task runs (on a busy machine the thread
    /// that frees a connection can get there first).
    private func nextWaiter(releasing connection: Connection) -> PoolWaiter? {
        let (next, expired, closed) = state.withLock { state -> (PoolWaiter?, [PoolWaiter], Bool) in
            if state.closed {
                state.opened -= 1
                return (nil, [], true)
            }
            let expired = state.waiters.isEmpty ? [] : state.removeExpired(at: .now)
            guard !state.waiters.isEmpty else {
                state.idle.append(connection)
                return (nil, expired, false)
            }
            return (state.waiters.removeFirst(), expired, false)
        }
        failExpired(expired)
        if closed { connection.close() }
        return next
    }
}

extension PoolState {
    /// Takes out the waiters whose deadline is at or before `now` (the first ones: all share one
    /// timeout).
    mutating func removeExpired(at now: ContinuousClock.Instant) -> [PoolWaiter] {
        var expired: [PoolWaiter] = []
        while let first = waiters.first, first.deadline <= now { expired.append(waiters.removeFirst()) }
        return expired
    }
}
