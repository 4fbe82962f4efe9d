import API
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOPosix
import Testing
import TestSupport

/// Imports cannot starve everyone else: a cap on imports at once (503 with `Retry-After`
/// beyond it), and password hashing on threads of its own.
@Suite struct ImportCapTests {
    @Test func anImportBeyondTheCapIs503WithRetryAfter() async throws {
        try await APIHarness.run(live: true, configure: { $0.maxConcurrentImports = 1 }) { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let port = try #require(api.client.port)
            // setup: one import whose body is still on its way
            let held = try await RawConnection.open(port: port)
            try await held.send("POST /api/v1/imports/projects HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: text/csv\r\nContent-Length: 1000\r\n\r\n项目编号,")
            try await Task.sleep(for: .milliseconds(500))
            // MUT
            let second = try await api.request(.post, "/api/v1/imports/projects", token: token, raw: "项目编号\n", headers: [.contentType: "text/csv"])
            // validate
            #expect(second.status == .serviceUnavailable, "\(String(buffer: second.body))")
            #expect(second.headers[.retryAfter] != nil)
            await held.close()
        }
    }

    @Test func signInDoesNotWaitForTheSharedThreadPool() async throws {
        try await APIHarness.run { api in
            // setup: both threads of the shared pool busy for 6 s (as spreadsheets parsing were)
            let busy = (0..<2).map { _ in
                Task {
                    try await NIOThreadPool.singleton.runIfActive {
                        Thread.sleep(forTimeInterval: 6)
                        return ContinuousClock.now
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(200))
            // MUT
            let response = try await api.request(.post, "/api/v1/sessions", json: [
                "username": CountyFixture.username(api.fixture.district1, "editor"), "password": CountyFixture.password,
            ])
            let answered = ContinuousClock.now
            // validate: checked on the hasher's own threads while the shared ones are still busy
            // (an order, not a duration: on a loaded machine bcrypt alone can take seconds)
            #expect(response.status == .created)
            for task in busy {
                #expect(answered < (try await task.value), "the sign-in waited for the shared pool's threads")
            }
        }
    }
}
