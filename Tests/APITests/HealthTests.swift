import API
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Postgres
import Prometheus
import ServiceLifecycle
import Store
import Synchronization
import Testing
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite struct HealthTests {
    func dependencies(_ database: TestDatabase) throws -> AppDependencies {
        AppDependencies(
            database: Database(pool: database.makePool()),
            migrator: try Migrator(folder: TestDatabase.migrationsFolder),
            metrics: PrometheusCollectorRegistry()
        )
    }

    @Test func readyOnlyAfterMigrationAndMetricsInPrometheusText() async throws {
        try await TestDatabase.withEmpty { database in
            let dependencies = try dependencies(database)
            let app = Application(router: buildRouter(dependencies))
            try await app.test(.router) { client in
                #expect(try await client.execute(uri: "/health/live", method: .get).status == .ok)
                let before = try await client.execute(uri: "/health/ready", method: .get)
                #expect(before.status == .serviceUnavailable)
                #expect(String(buffer: before.body).contains("pending"))
                try dependencies.migrator.migrate(try database.connect())
                #expect(try await client.execute(uri: "/health/ready", method: .get).status == .ok)
                let metrics = try await client.execute(uri: "/metrics", method: .get)
                #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(String(buffer: metrics.body).contains("db_pool_connections_in_use"))
            }
            await dependencies.database.pool.shutdown()
        }
    }

    @Test func gracefulShutdownLetsASlowRequestFinish() async throws {
        try await TestDatabase.with { database in
            let dependencies = try dependencies(database)
            let router = buildRouter(dependencies)
            router.get("/test/slow") { _, _ -> String in
                try await Task.sleep(for: .milliseconds(800))
                return "finished"
            }
            let port = Mutex<Int?>(nil)
            let app = Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                services: [],
                onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } },
                logger: Logger(label: "test")
            )
            try await LiveServer.serve(app, port: port) { bound, group in
                let url = URL(string: "http://127.0.0.1:\(bound)/test/slow")!
                async let response = URLSession.shared.data(from: url)
                try await Task.sleep(for: .milliseconds(200))
                await group.triggerGracefulShutdown()
                let (body, head) = try await response
                #expect((head as? HTTPURLResponse)?.statusCode == 200)
                #expect(String(decoding: body, as: UTF8.self) == "finished")
            }
            await dependencies.database.pool.shutdown()
        }
    }
}
