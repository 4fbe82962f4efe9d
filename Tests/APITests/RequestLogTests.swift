import API
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import Postgres
import Store
import Testing
import TestSupport

/// The request log: one line per request with method, path template, status and duration, and
/// nothing of query values or bodies.
@Suite struct RequestLogTests {
    @Test func aLineCarriesTheTemplateStatusAndDurationButNoData() async throws {
        try await TestDatabase.with { database in
            let fixture = try CountyFixture.seed(on: try database.connect())
            let dependencies = try LiveServer.dependencies(database)
            let records = NIOLockedValueBox<[String]>([])
            let app = Application(router: buildRouter(dependencies), logger: Logger(label: "test") { _ in CapturingLogHandler(records) })
            try await app.test(.router) { client in
                // MUT: a secret in the query, in the path and in a body
                _ = try await client.execute(uri: "/api/v1/projects/4242?name=query-secret", method: .get)
                _ = try await client.execute(
                    uri: "/api/v1/sessions", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"username":"\#(CountyFixture.username(fixture.district1, "viewer"))","password":"body-secret"}"#)
                )
                _ = try await client.execute(uri: "/no/such/path-secret", method: .get)
            }
            await dependencies.database.pool.shutdown()
            // validation
            let lines = records.withLockedValue { $0 }.filter { $0.hasPrefix("request ") }
            #expect(lines.count == 3, "\(lines)")
            #expect(lines.contains { $0.contains("method=GET") && $0.contains("path=/api/v1/projects/{id}") && $0.contains("status=401") })
            #expect(lines.contains { $0.contains("method=POST") && $0.contains("path=/api/v1/sessions") && $0.contains("status=401") })
            #expect(lines.contains { $0.contains("path=(no route)") && $0.contains("status=404") })
            #expect(lines.allSatisfy { $0.contains("duration_ms=") })
            let all = records.withLockedValue { $0 }.joined(separator: "\n")
            for secret in ["query-secret", "body-secret", "path-secret", "4242", "d1-viewer"] {
                #expect(!all.contains(secret), "the log holds \(secret)")
            }
        }
    }
}

/// Keeps each log line as "message key=value key=value" (keys sorted).
struct CapturingLogHandler: LogHandler {
    let records: NIOLockedValueBox<[String]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    init(_ records: NIOLockedValueBox<[String]>) {
        self.records = records
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let line = ([event.message.description] + all.keys.sorted().map { "\($0)=\(all[$0]!)" }).joined(separator: " ")
        records.withLockedValue { $0.append(line) }
    }
}
