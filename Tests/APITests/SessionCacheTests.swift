import API
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Postgres
import Prometheus
import Store
import Testing
import TestSupport

/// The session cache on two servers sharing one database: each has its own pool, cache and
/// notification hub (whose sessions loop revokes the cache), and they meet only in PostgreSQL, as
/// two server processes do.
@Suite struct SessionCacheTests {
    /// One server: its client and its cache.
    struct Server {
        var api: APIClient
        var cache: SessionCache
    }

    static func twoServers(lifetime: Duration = .seconds(120), _ body: @Sendable (Server, Server) async throws -> Void) async throws {
        try await TestDatabase.with { database in
            let fixture = try CountyFixture.seed(on: try database.connect())
            try await withThrowingTaskGroup(of: Void.self) { group in
                var servers: [(Application<RouterResponder<AppRequestContext>>, SessionCache, ConnectionPool)] = []
                for _ in 0..<2 {
                    let cache = SessionCache(lifetime: lifetime)
                    let pool = database.makePool(maxConnections: 4)
                    let dependencies = AppDependencies(
                        database: Database(pool: pool), sessions: cache,
                        migrator: try Migrator(folder: TestDatabase.migrationsFolder), metrics: PrometheusCollectorRegistry()
                    )
                    let hub = dependencies.notificationHub
                    group.addTask { try await hub.run() }
                    servers.append((Application(router: buildRouter(dependencies)), cache, pool))
                }
                let built = servers
                for (_, cache, _) in built { try await Self.waitUntilListening(cache) }
                try await built[0].0.test(.router) { first in
                    try await built[1].0.test(.router) { second in
                        try await body(
                            Server(api: APIClient(client: first, fixture: fixture, database: database, metrics: PrometheusCollectorRegistry()), cache: built[0].1),
                            Server(api: APIClient(client: second, fixture: fixture, database: database, metrics: PrometheusCollectorRegistry()), cache: built[1].1)
                        )
                    }
                }
                group.cancelAll()
                try await group.waitForAll()
                for (_, _, pool) in built { await pool.shutdown() }
            }
        }
    }

    static func waitUntilListening(_ cache: SessionCache) async throws {
        for _ in 0..<200 where cache.ticket() == nil { try await Task.sleep(for: .milliseconds(50)) }
        #expect(cache.ticket() != nil)
    }

    /// The first status within 3 s that is `expected`, else the last one seen (the revocation
    /// arrives in milliseconds; the bound leaves room for a loaded CI machine).
    static func status(_ server: Server, token: String, becomes expected: HTTPResponse.Status) async throws -> HTTPResponse.Status {
        let deadline = ContinuousClock.now + .seconds(3)
        while true {
            let status = try await server.api.request(.get, "/api/v1/me", token: token).status
            if status == expected || ContinuousClock.now > deadline { return status }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func aCachedTokenSkipsTheLookup() async throws {
        try await Self.twoServers { first, _ in
            let token = try await first.api.signIn(first.api.fixture.district1, "viewer")
            #expect(try await first.api.request(.get, "/api/v1/me", token: token).status == .ok)
            #expect(first.cache.user(token: token) != nil)
            // Remove the session behind the server's back (nothing announces it): the cached
            // token still works (its lifetime ending is SessionCacheUnitTests').
            try first.api.database.connect().simpleQuery("DELETE FROM app.sessions")
            #expect(try await first.api.request(.get, "/api/v1/me", token: token).status == .ok)
        }
    }

    @Test func signOutOnOneServerEndsTheTokenOnTheOtherAtOnce() async throws {
        try await Self.twoServers { first, second in
            let token = try await first.api.signIn(first.api.fixture.district1, "editor")
            #expect(try await second.api.request(.get, "/api/v1/me", token: token).status == .ok)
            #expect(second.cache.user(token: token) != nil)
            #expect(try await first.api.request(.delete, "/api/v1/sessions/current", token: token).status == .noContent)
            #expect(try await first.api.request(.get, "/api/v1/me", token: token).status == .unauthorized)
            #expect(try await Self.status(second, token: token, becomes: .unauthorized) == .unauthorized)
        }
    }

    @Test func deactivationAndPasswordChangeRevokeCachedTokensOnEveryServer() async throws {
        try await Self.twoServers { first, second in
            let admin = try await first.api.signIn(first.api.fixture.county, "admin")
            let token = try await first.api.signIn(first.api.fixture.district1, "viewer")
            let me = try await second.api.request(.get, "/api/v1/me", token: token)
            let id = try #require(me.object["id"] as? Int)
            let user = try await first.api.request(.get, "/api/v1/users/\(id)", token: admin)
            let version = try #require(user.object["version"] as? Int)
            // A password change leaves the session valid, but no server keeps the cached user.
            let changed = try await first.api.request(.patch, "/api/v1/users/\(id)", token: admin,
                                                      json: ["password": "a-new-password-123"], headers: [.ifMatch: "\"\(version)\""])
            #expect(changed.status == .ok)
            for _ in 0..<150 where second.cache.user(token: token) != nil { try await Task.sleep(for: .milliseconds(20)) }
            #expect(second.cache.user(token: token) == nil)
            #expect(try await second.api.request(.get, "/api/v1/me", token: token).status == .ok)
            // Deactivation ends it everywhere.
            let deactivated = try await first.api.request(.patch, "/api/v1/users/\(id)", token: admin,
                                                          json: ["active": false], headers: [.ifMatch: "\"\(version + 1)\""])
            #expect(deactivated.status == .ok)
            #expect(try await Self.status(second, token: token, becomes: .unauthorized) == .unauthorized)
        }
    }

    @Test func theCacheIsOffWhileItsListenerIsDisconnected() async throws {
        try await Self.twoServers { first, _ in
            let token = try await first.api.signIn(first.api.fixture.district1, "viewer")
            #expect(try await first.api.request(.get, "/api/v1/me", token: token).status == .ok)
            #expect(first.cache.user(token: token) != nil)
            let admin = try first.api.database.connect()
            defer { admin.close() }
            // Cut every listener: no cache may answer until its listener listens again.
            let listening = "LISTEN %" + SessionQueries.channel + "%"
            try admin.execute("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                 WHERE datname = current_database() AND query LIKE \(listening)
                """)
            for _ in 0..<150 where first.cache.ticket() != nil { try await Task.sleep(for: .milliseconds(20)) }
            #expect(first.cache.user(token: token) == nil)
            try await Self.waitUntilListening(first.cache)
            #expect(try await first.api.request(.get, "/api/v1/me", token: token).status == .ok)
        }
    }

    @Test func aServerWithTheCacheOffKeepsRunning() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maxConnections: 2)
            let dependencies = AppDependencies(
                database: Database(pool: pool), sessions: SessionCache(lifetime: .zero),
                migrator: try Migrator(folder: TestDatabase.migrationsFolder), metrics: PrometheusCollectorRegistry()
            )
            let app = buildApplication(configuration: .init(address: .hostname("127.0.0.1", port: 0)), dependencies: dependencies)
            try await app.testLive { client in
                // The sessions loop runs with the cache off (for the event streams); it must not end the server.
                try await Task.sleep(for: .milliseconds(300))
                #expect(try await client.execute(uri: "/health/live", method: .get).status == .ok)
            }
        }
    }
}
