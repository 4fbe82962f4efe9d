import Logging
import Postgres
import Synchronization

/// The streaming standbys (hot standbys of PostgreSQL's own replication) that read-only requests
/// may use, each with its own pool, and what the server knows about them: whether each is up and
/// how far behind, and the last write position of each session, so that a session reads its own
/// writes. `ReplicaSet+Monitor` keeps the states fresh; `Database` routes reads with `replica(after:)`.
public final class ReplicaSet: Sendable {
    /// A standby's state as the monitor or a failed read last saw it.
    public enum State: String, Sendable {
        /// Not checked yet: not used until the first check.
        case unknown
        /// Streaming and within the lag bound: reads may go there.
        case streaming
        /// Behind the primary by more than the lag bound: skipped.
        case lagging
        /// Unreachable or failing: skipped.
        case down
        /// Answers but is not in recovery (promoted, or not a standby at all): skipped.
        case notStandby = "not_standby"
    }

    /// One standby.
    public struct Replica: Sendable {
        /// Host, port and database of its URL (never the password), for health and metrics.
        public let name: String
        public let pool: ConnectionPool
        let index: Int
    }

    /// A standby's last known state, replay position and lag.
    public struct Status: Sendable, Equatable {
        public var state: State
        public var replayed: WALPosition?
        public var lagBytes: UInt64?
        public var lagSeconds: Double?
    }

    /// What happened to a read, for metrics.
    public enum Event: Sendable {
        /// A read ran on a standby (true) or on the primary (false).
        case routed(toReplica: Bool)
        /// A read waited for a standby to replay the session's last write; false when it gave up.
        case waited(Duration, caughtUp: Bool)
    }

    public let replicas: [Replica]
    /// Standbys further behind than this are skipped.
    public let maxLag: Duration
    /// How long a read waits for a standby to replay the session's last write before using the primary.
    public let readYourWritesWait: Duration
    let statuses: Mutex<[Status]>
    let positions = Mutex<[String: (position: WALPosition, at: ContinuousClock.Instant)]>([:])
    let observe: @Sendable (Event) -> Void

    public init(
        pools: [ConnectionPool], maxLag: Duration, readYourWritesWait: Duration,
        observe: @escaping @Sendable (Event) -> Void = { _ in }
    ) {
        replicas = pools.enumerated().map { Replica(name: Self.name(of: $1.configuration.url), pool: $1, index: $0) }
        statuses = Mutex(Array(repeating: Status(state: .unknown), count: pools.count))
        self.maxLag = maxLag
        self.readYourWritesWait = readYourWritesWait
        self.observe = observe
    }

    /// Each standby with its last known status.
    public var status: [(replica: Replica, status: Status)] {
        let statuses = self.statuses.withLock { $0 }
        return replicas.map { ($0, statuses[$0.index]) }
    }

    /// A streaming standby for a read that must see `position` (the session's last write), waiting
    /// up to `readYourWritesWait` for it to replay that far; nil when the read should use the primary.
    public func replica(after position: WALPosition?) async -> Replica? {
        let statuses = self.statuses.withLock { $0 }
        guard let replica = replicas.filter({ statuses[$0.index].state == .streaming }).randomElement() else {
            observe(.routed(toReplica: false))
            return nil
        }
        if let position, statuses[replica.index].replayed.map({ $0 < position }) ?? true {
            let caughtUp = await waitForReplay(of: position, on: replica)
            guard caughtUp else {
                observe(.routed(toReplica: false))
                return nil
            }
        }
        observe(.routed(toReplica: true))
        return replica
    }

    private func waitForReplay(of position: WALPosition, on replica: Replica) async -> Bool {
        let clock = ContinuousClock()
        let start = clock.now
        while true {
            let replayed = (try? await replica.pool.withConnection { try ReplicationQueries.hasReplayed(position, on: $0) }) ?? false
            let waited = clock.now - start
            if replayed || waited >= readYourWritesWait {
                observe(.waited(waited, caughtUp: replayed))
                return replayed
            }
            try? await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Takes a standby out of use after a failed read, until the monitor finds it well again.
    public func markDown(_ replica: Replica) {
        statuses.withLock { $0[replica.index].state = .down }
    }

    /// Remembers the primary's position after a write by the session of `token`.
    public func remember(_ position: WALPosition, for token: String) {
        positions.withLock { $0[token] = (position, .now) }
    }

    /// The position of the session's last write still worth waiting for, if any.
    public func lastWrite(of token: String) -> WALPosition? {
        positions.withLock { $0[token]?.position }
    }

    /// Closes the standbys' pools.
    public func shutdown() async {
        for replica in replicas { await replica.pool.shutdown() }
    }

    /// `host:port/database` of a libpq URI, without user or password.
    static func name(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        return String(rest)
    }
}
