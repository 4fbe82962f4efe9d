import Hummingbird
import HummingbirdTesting
import TestSupport

extension ApplicationProtocol {
    /// `test(.live)` with the server's tasks on `ServerExecutor`, threads no test body blocks, and
    /// `body` itself on Swift's shared threads (so a body that blocks holds up no server).
    func testLive<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await withTaskExecutorPreference(ServerExecutor.shared) {
            try await test(.live) { client in
                try await withTaskExecutorPreference(globalConcurrentExecutor) { try await body(client) }
            }
        }
    }
}
