import Dispatch
import Logging
import Postgres
import Synchronization

/// A dedicated connection that `LISTEN`s on `assessment_runs`, so a queued run wakes the worker
/// at once. Its blocking waits run on a queue of their own, never on the cooperative pool.
/// If the connection breaks, waiting degrades to sleeping (the worker polls) until it reconnects.
final class NotificationListener: Sendable {
    static let channel = "assessment_runs"
    let url: String
    let logger: Logger
    private let queue = DispatchQueue(label: "projectyear.assessment.listener")
    private let connection = Mutex<Connection?>(nil)

    init(url: String, logger: Logger) {
        self.url = url
        self.logger = logger
    }

    /// Waits up to `timeout` for a notification; true if one arrived. Returns early (false) when
    /// `shouldStop` turns true, checked every second.
    func wait(upTo timeout: Duration, shouldStop: @Sendable () -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline, !shouldStop() {
            let slice = min(deadline - clock.now, .seconds(1))
            guard let listening = await listening() else {
                try? await Task.sleep(for: slice)
                continue
            }
            let received: Bool? = await withCheckedContinuation { continuation in
                queue.async {
                    do {
                        continuation.resume(returning: !(try listening.waitForNotifications(timeout: slice)).isEmpty)
                    } catch {
                        continuation.resume(returning: nil)
                    }
                }
            }
            switch received {
            case true?: return true
            case false?: continue
            case nil:
                logger.warning("assessment listener connection lost; polling until it reconnects")
                drop()
            }
        }
        return false
    }

    /// Closes the connection.
    func close() {
        drop()
    }

    private func drop() {
        connection.withLock { current in
            current?.close()
            current = nil
        }
    }

    private func listening() async -> Connection? {
        if let current = connection.withLock({ $0 }), current.isOpen { return current }
        let url = url
        let opened: Connection? = await withCheckedContinuation { continuation in
            queue.async {
                do {
                    let connection = try Connection.connect(url: url)
                    try connection.listen(Self.channel)
                    continuation.resume(returning: connection)
                } catch {
                    continuation.resume(returning: nil)
                }
            }
        }
        connection.withLock { $0 = opened }
        return opened
    }
}
