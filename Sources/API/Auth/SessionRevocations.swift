import Logging
import Postgres
import Store

/// The server's one loop on the sessions channel (`SessionQueries.channel`), built on
/// `NotificationListener`: each announced user id (signed out, deactivated, password or role
/// changed) is revoked from the `SessionCache` as the notification arrives, and `announced` is
/// told (the notification hub ends that user's event streams). The cache answers only while the
/// connection listens: it is off from the moment the connection is lost until it listens again,
/// and `announced(nil)` after each (re)connection tells every stream to check its session, since
/// announcements may have been missed meanwhile.
struct SessionRevocations: Sendable {
    let url: String
    let cache: SessionCache
    let logger: Logger

    /// Listens until `stopping` turns true (checked every second).
    func run(until stopping: @escaping @Sendable () -> Bool, announced: @escaping @Sendable (Set<Int64>?) -> Void) async {
        let listener = NotificationListener(url: url, channel: SessionQueries.channel, logger: logger)
        defer {
            listener.close()
            cache.setListening(false)
        }
        let cache = cache
        while !stopping() {
            let notifications = await listener.wait(
                upTo: .seconds(1), shouldStop: stopping,
                reconnected: {
                    cache.setListening(true)
                    announced(nil)
                },
                lost: { cache.setListening(false) })
            let users = Set(notifications.compactMap { Int64($0.payload) })
            guard !users.isEmpty else { continue }
            for user in users { cache.revoke(userID: user) }
            announced(users)
        }
    }
}
