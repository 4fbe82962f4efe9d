import Dispatch
import Logging
import Postgres

/// Keeps a `SessionCache` honest across servers: a dedicated connection `LISTEN`s on
/// `SessionCache.channel` and revokes each announced user's tokens as soon as the notification
/// arrives (well within a second). While the connection is down the cache is off; it reconnects
/// every `retry`. Its blocking waits run on a thread of their own, never on the cooperative pool.
public struct SessionRevocationListener: Sendable {
    let url: String
    let cache: SessionCache
    let logger: Logger
    let retry: Duration

    public init(url: String, cache: SessionCache, logger: Logger, retry: Duration = .milliseconds(500)) {
        self.url = url
        self.cache = cache
        self.logger = logger
        self.retry = retry
    }

    /// Listens until `shouldStop` turns true (checked every 200 ms).
    public func run(shouldStop: @escaping @Sendable () -> Bool) async {
        guard cache.lifetime > .zero else { return }
        let queue = DispatchQueue(label: "projectyear.session-revocations")
        while !shouldStop() {
            let listened: Bool = await withCheckedContinuation { continuation in
                queue.async { continuation.resume(returning: listen(until: shouldStop)) }
            }
            if !listened || !shouldStop() { try? await Task.sleep(for: retry) }
        }
    }

    /// One connection's life: true if it listened at all.
    private func listen(until shouldStop: () -> Bool) -> Bool {
        let connection: Connection
        do {
            connection = try Connection.connect(url: url)
            try connection.listen(SessionCache.channel)
        } catch {
            logger.warning("session revocation listener cannot connect; every request looks its session up", metadata: ["error": "\(error)"])
            return false
        }
        defer { connection.close() }
        cache.setListening(true)
        defer { cache.setListening(false) }
        while !shouldStop() {
            do {
                for notification in try connection.waitForNotifications(timeout: .milliseconds(200)) {
                    if let id = Int64(notification.payload) { cache.revoke(userID: id) }
                }
            } catch {
                logger.warning("session revocation listener lost its connection; reconnecting", metadata: ["error": "\(error)"])
                return true
            }
        }
        return true
    }
}
