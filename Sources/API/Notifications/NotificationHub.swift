import Logging
import Postgres
import ServiceLifecycle
import Store
import Synchronization

/// The server's one listener for new notifications, fanned out in memory to the event streams
/// of this process.
///
/// A single connection `LISTEN`s on `notifications` (the payload is an agency id); each stream
/// subscribed for that agency is woken and then reads its new rows itself, as its caller under
/// row-level security, so the hub decides nothing about who sees what. Every `heartbeat` each
/// stream is told to send a keep-alive comment. After the listening connection is (re)opened
/// every stream is woken, since notifications may have been missed meanwhile.
///
/// The server's one loop on the sessions channel (`SessionRevocations`) runs beside it: it keeps
/// the `SessionCache` honest, and tells the streams of each announced user (signed out,
/// deactivated, password or role changed) to check their session at once; they end when it has.
public final class NotificationHub: Service, Sendable {
    /// What a subscriber is told: read new rows, send a keep-alive, check the session.
    public enum Signal: Sendable { case wake, heartbeat, sessionChanged }

    /// One subscribed stream: where its signals go and whose session it runs on.
    struct Subscriber {
        var continuation: AsyncStream<Signal>.Continuation
        var userID: Int64
    }

    static let channel = "notifications"
    let url: String
    let heartbeat: Duration
    /// The signed-in users this server caches, revoked by the sessions loop.
    let sessions: SessionCache
    let logger: Logger
    private let subscribers = Mutex<[Int64: [Int: Subscriber]]>([:])
    private let nextID = Atomic<Int>(0)

    public init(url: String, heartbeat: Duration = .seconds(15), sessions: SessionCache, logger: Logger) {
        self.url = url
        self.heartbeat = heartbeat
        self.sessions = sessions
        self.logger = logger
    }

    /// A subscription of one stream to its agency's signals; `cancel` (or dropping the stream's
    /// consumer) ends it.
    public struct Subscription: Sendable {
        public let signals: AsyncStream<Signal>
        let cancel: @Sendable () -> Void
    }

    /// Subscribes a stream of `user` to `agency`'s signals.
    public func subscribe(agency: Int64, user: Int64) -> Subscription {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let (signals, continuation) = AsyncStream<Signal>.makeStream(bufferingPolicy: .bufferingNewest(4))
        subscribers.withLock { $0[agency, default: [:]][id] = Subscriber(continuation: continuation, userID: user) }
        // Finishing a stream calls its onTermination, which cancels again: never under the lock.
        let cancel: @Sendable () -> Void = { [weak self] in
            let removed = self?.subscribers.withLock { all -> AsyncStream<Signal>.Continuation? in
                let subscriber = all[agency]?.removeValue(forKey: id)
                if all[agency]?.isEmpty == true { all[agency] = nil }
                return subscriber?.continuation
            }
            removed?.finish()
        }
        continuation.onTermination = { _ in cancel() }
        return Subscription(signals: signals, cancel: cancel)
    }

    public func run() async throws {
        let stopping: @Sendable () -> Bool = { Task.isCancelled || Task.isShuttingDownGracefully }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await SessionRevocations(url: self.url, cache: self.sessions, logger: self.logger)
                    .run(until: stopping) { self.sessionsChanged($0) }
            }
            await self.watchNotifications(until: stopping)
            await group.waitForAll()
        }
        let open = subscribers.withLock { all in
            defer { all = [:] }
            return all.values.flatMap(\.values)
        }
        for subscriber in open { subscriber.continuation.finish() }
    }

    private func watchNotifications(until stopping: @escaping @Sendable () -> Bool) async {
        let listener = NotificationListener(url: url, channel: Self.channel, logger: logger)
        defer { listener.close() }
        let clock = ContinuousClock()
        var nextBeat = clock.now.advanced(by: heartbeat)
        while !stopping() {
            let notifications = await listener.wait(upTo: max(nextBeat - clock.now, .milliseconds(1)), shouldStop: stopping) {
                self.signal(nil, .wake)
            }
            for agency in Set(notifications.compactMap { Int64($0.payload) }) { signal(agency, .wake) }
            if clock.now >= nextBeat {
                signal(nil, .heartbeat)
                nextBeat = clock.now.advanced(by: heartbeat)
            }
        }
    }

    /// Tells the streams of the announced `users` to check their session; every stream when nil
    /// (the sessions loop reconnected, so announcements may have been missed meanwhile).
    private func sessionsChanged(_ users: Set<Int64>?) {
        guard let users else { return signal(nil, .sessionChanged) }
        let targets = subscribers.withLock { all in
            all.values.flatMap(\.values).filter { users.contains($0.userID) }.map(\.continuation)
        }
        for continuation in targets { continuation.yield(.sessionChanged) }
    }

    /// Signals the streams of `agency`, or every stream when nil.
    func signal(_ agency: Int64?, _ signal: Signal) {
        let targets = subscribers.withLock { all -> [AsyncStream<Signal>.Continuation] in
            guard let agency else { return all.values.flatMap(\.values).map(\.continuation) }
            return all[agency]?.values.map(\.continuation) ?? []
        }
        for continuation in targets { continuation.yield(signal) }
    }
}
