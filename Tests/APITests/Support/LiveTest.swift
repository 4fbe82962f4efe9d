import Hummingbird
import HummingbirdTesting
import TestSupport

extension ApplicationProtocol {
    /// `test(.live)` with the server's tasks and `body` on `ServerExecutor`, threads no other test
    /// body blocks. The client's side needs them as much as the server's: a request's 20-second
    /// timer runs beside the task that writes it, and a writer held up on Swift's shared threads
    /// past the timer times out a request the server never saw. So a live test's body only
    /// awaits; it never blocks a thread.
    func testLive<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await withTaskExecutorPreference(ServerExecutor.shared) { try await test(.live, body) }
    }
}
