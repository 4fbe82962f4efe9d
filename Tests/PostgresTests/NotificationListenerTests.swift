import Logging
import Postgres
import Synchronization
import Testing
import TestSupport

/// `NotificationListener` tells its owner when its connection opens and when it is lost, so an
/// owner that must not miss a notification (the session cache) can stop trusting what it holds.
@Suite struct NotificationListenerTests {
    /// What the listener reported, in order.
    final class Events: Sendable {
        let log = Mutex<[String]>([])
        func add(_ event: String) { log.withLock { $0.append(event) } }
        var all: [String] { log.withLock { $0 } }
    }

    @Test func aTerminatedConnectionIsReportedLostThenReconnected() async throws {
        try await TestDatabase.withEmpty { database in
            // setup: the listener listens
            let listener = NotificationListener(url: database.url, channel: "listener_test", logger: Logger(label: "test"))
            defer { listener.close() }
            let events = Events()
            func wait() async -> [Notification] {
                await listener.wait(upTo: .milliseconds(300), shouldStop: { false },
                                    reconnected: { events.add("reconnected") }, lost: { events.add("lost") })
            }
            _ = await wait()
            #expect(events.all == ["reconnected"])
            // MUT: its backend is terminated
            let admin = try database.connect()
            defer { admin.close() }
            try admin.execute("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                 WHERE datname = current_database() AND query LIKE 'LISTEN %listener_test%'
                """)
            func relistened() -> Bool {
                let all = events.all
                return all.firstIndex(of: "lost").map { all[$0...].contains("reconnected") } ?? false
            }
            for _ in 0..<100 where !relistened() { _ = await wait() }
            // validate: lost, then listening again, and notifications arrive once more
            #expect(events.all.first == "reconnected" && relistened())
            try admin.execute("SELECT pg_notify('listener_test', 'after')")
            var payloads: [String] = []
            for _ in 0..<20 where payloads.isEmpty { payloads = await wait().map(\.payload) }
            #expect(payloads == ["after"])
        }
    }
}
