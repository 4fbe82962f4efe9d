import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Postgres
import Testing
import TestSupport

/// A primary that cannot take writes yet (still in recovery, or read-only by default): the server
/// is not ready, and a write such as signing in answers 503 with `Retry-After`, never 500.
@Suite struct ReadOnlyPrimaryTests {
    /// Makes every new connection to the test's database read-only, as a cluster in recovery is.
    static func makeReadOnly(_ database: TestDatabase) throws {
        try database.connect().execute("ALTER DATABASE \(unsafeSQL: "\"\(database.name)\"") SET default_transaction_read_only = on")
    }

    @Test func signInIs503WithRetryAfter() async throws {
        try await APIHarness.run { api in
            // setup: the pool has not connected yet, so each of its connections starts read-only
            try Self.makeReadOnly(api.database)
            // MUT
            let response = try await api.request(.post, "/api/v1/sessions", json: [
                "username": CountyFixture.username(api.fixture.county, "editor"), "password": CountyFixture.password,
            ])
            // validate
            #expect(response.status == .serviceUnavailable, "\(String(buffer: response.body))")
            #expect(response.headers[.retryAfter] != nil)
        }
    }

    @Test func readinessIs503WithTheReason() async throws {
        try await APIHarness.run { api in
            try Self.makeReadOnly(api.database)
            let response = try await api.request(.get, "/health/ready")
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body).contains("只读"))
        }
    }
}
