import API
import Campaign
import Foundation
import Hummingbird
import HummingbirdTesting
import Postgres
import Prometheus
import Store
import Testing
import TestSupport

/// Runs a test against the real API on its own migrated, seeded database.
struct APIHarness {
    /// `clock` is the server's today (Asia/Shanghai); the machine's by default. `live` runs a real
    /// server on a free port (requests come from a loopback address) instead of calling the router
    /// directly; `configure` adjusts the dependencies first.
    static func run(
        clock: CampaignClock = .system, live: Bool = false, configure: (inout AppDependencies) -> Void = { _ in },
        _ body: @Sendable (APIClient) async throws -> Void
    ) async throws {
        try await TestDatabase.with { database in
            let fixture = try CountyFixture.seed(on: try database.connect())
            // The server's own login, as `projectyear serve` connects: no superuser, no owner.
            let pool = database.makePool(maxConnections: 8, as: .server)
            var dependencies = AppDependencies(
                database: Database(pool: pool),
                migrator: try Migrator(folder: TestDatabase.migrationsFolder),
                metrics: PrometheusCollectorRegistry(),
                clock: clock
            )
            dependencies.passwordCost = 4  // as the fixture users' hashes (CountyFixture.passwordHash)
            configure(&dependencies)
            let app = Application(
                router: buildRouter(dependencies), configuration: .init(address: .hostname("127.0.0.1", port: 0))
            )
            let test: @Sendable (any TestClientProtocol) async throws -> Void = { [dependencies] client in
                try await body(APIClient(client: client, fixture: fixture, database: database, metrics: dependencies.metrics))
            }
            if live { try await app.testLive(test) } else { try await app.test(.router, test) }
            await pool.shutdown()
        }
    }
}

/// A test client that signs in as fixture users and speaks JSON.
struct APIClient: Sendable {
    let client: any TestClientProtocol
    let fixture: CountyFixture
    let database: TestDatabase
    let metrics: PrometheusCollectorRegistry

    /// Signs in as `<agency>-<role>` and returns the bearer token.
    func signIn(_ agency: CountyFixture.Agency, _ role: String) async throws -> String {
        let response = try await request(.post, "/api/v1/sessions", json: [
            "username": CountyFixture.username(agency, role), "password": CountyFixture.password,
        ])
        #expect(response.status == .created)
        return try #require(response.object["token"] as? String)
    }

    /// Sends a request; `json` is serialised, `raw` and `bytes` are sent as they are.
    func request(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: Any? = nil, raw: String? = nil,
        bytes: Data? = nil, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields = headers
        if let token { fields[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        } else if let raw {
            body = ByteBuffer(string: raw)
        } else if let bytes {
            body = ByteBuffer(bytes: bytes)
        }
        if body != nil, fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return try await client.execute(uri: path, method: method, headers: fields, body: body)
    }
}

extension TestResponse {
    /// The body as a JSON object (empty when it is not one).
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    /// The `items` of a list body.
    var items: [[String: Any]] { object["items"] as? [[String: Any]] ?? [] }

    /// The fields named in a problem's `errors`.
    var errorFields: [String] {
        (object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }
}
