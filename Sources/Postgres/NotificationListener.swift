import Dispatch
import Logging
import Synchronization

/// A dedicated connection that `LISTEN`s on one channel, so a `NOTIFY` wakes its owner at once
/// (the assessment worker on queued runs, the server's notification hub on new notifications).
/// Its blocking waits run on a queue of their own, never on the cooperative pool. If the
/// connection breaks, waiting degrades to sleeping until it reconnects; `onReconnect` tells the
/// owner that notifications may have been missed meanwhile.
public final class NotificationListener: Sendable {
    public let channel: String
    let url: String
    let logger: Logger
    private let queue: DispatchQueue
    private let connection = Mutex<Connection?>(nil)

    public init(url: String, channel: String, logger: Logger) {
        self.url = url
        self.channel = channel
        self.logger = logger
        queue = DispatchQueue(label: "projectyear.listener.\(channel)")
    }

    /// Waits up to `timeout` for notifications and returns them (empty when none arrived, or when
    /// `shouldStop` turned true, checked every second). `reconnected` is called after the
    /// connection was (re)opened, before waiting on it; `lost` when it broke or could not be
    /// opened (notifications are missed until `reconnected`).
    public func wait(
        upTo timeout: Duration, shouldStop: @Sendable () -> Bool, reconnected: () -> Void = {}, lost: () -> Void = {}
    ) async -> [Notification] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline, !shouldStop() {
            let slice = min(deadline - clock.now, .seconds(1))
            guard let listening = await listening(reconnected: reconnected) else {
                lost()
                try? await Task.sleep(for: slice)
                continue
            }
            let received: [Notification]? = await withCheckedContinuation { continuation in
                queue.async {
                    continuation.resume(returning: try? listening.waitForNotifications(timeout: slice))
                }
            }
            switch received {
            case let notifications? where !notifications.isEmpty: return notifications
            case .some: continue
            case nil:
                logger.warning("listener connection lost; waiting until it reconnects", metadata: ["channel": "\(channel)"])
                drop()
                lost()
            }
        }
        return []
    }

    /// Closes the connection.
    public func close() {
        drop()
    }

    private func drop() {
        connection.withLock { current in
            current?.close()
            current = nil
        }
    }

    private func listening(reconnected: () -> Void) async -> Connection? {
        if let current = connection.withLock({ $0 }), current.isOpen { return current }
        let (url, channel) = (url, channel)
        let opened: Connection? = await withCheckedContinuation { continuation in
            queue.async {
                do {
                    let connection = try Connection.connect(url: url)
                    try connection.listen(channel)
                    continuation.resume(returning: connection)
                } catch {
                    continuation.resume(returning: nil)
                }
            }
        }
        connection.withLock { $0 = opened }
        if opened != nil { reconnected() }
        return opened
    }
}
