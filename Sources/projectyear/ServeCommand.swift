import API
import ArgumentParser
import Hummingbird
import Logging
import Metrics
import Postgres
import Prometheus
import Store

/// `projectyear serve`: the HTTP API until SIGTERM or SIGINT, letting in-flight requests finish.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP server (stops gracefully on SIGTERM/SIGINT)."
    )

    func run() async throws {
        try await reportingErrors {
            let settings = try await loadSettings()
            bootstrapLogging(settings.logLevel)
            let registry = PrometheusCollectorRegistry()
            var factory = PrometheusMetricsFactory(registry: registry)
            factory.durationHistogramBuckets["db_replica_read_your_writes_wait"] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000]
                .map { .milliseconds($0) }
            MetricsSystem.bootstrap(factory)
            let pool = ConnectionPool(configuration: .init(
                url: settings.databaseURL, maxConnections: settings.poolMax, acquireTimeout: settings.poolTimeout
            ))
            try await requireLeastPrivilege(pool, as: .app, setting: "DATABASE_URL")
            let replicas = settings.replicaURLs.isEmpty ? nil : ReplicaSet(
                pools: settings.replicaURLs.map { ConnectionPool(configuration: .init(
                    url: $0, maxConnections: settings.poolMax, acquireTimeout: settings.poolTimeout
                )) },
                maxLag: settings.replicaMaxLag, readYourWritesWait: settings.replicaWait, observe: ReplicaSet.Event.record
            )
            let dependencies = AppDependencies(
                database: Database(pool: pool, replicas: replicas),
                sessions: SessionCache(lifetime: .seconds(settings.sessionCacheSeconds)),
                migrator: try Migrator(folder: resolvePath(settings.migrationsPath)),
                metrics: registry,
                sessionLifetime: .seconds(settings.sessionHours * 3600),
                defaultScheme: try settings.loadDefaultScheme(),
                attachmentQuota: Int64(settings.attachmentQuotaMiB) << 20,
                openData: settings.openData,
                planBehindRatio: settings.planBehindRatio,
                logger: Logger(label: "projectyear.server"),
                consoleFolder: resolvePath(settings.consolePath).path,
                trustedProxies: settings.trustedProxies,
                maxConcurrentImports: settings.maxConcurrentImports, explanationRule: settings.explanationRule
            )
            let app = buildApplication(
                configuration: .init(address: .hostname(settings.httpHost, port: settings.httpPort), serverName: "projectyear"),
                dependencies: dependencies, limits: settings.httpLimits
            )
            do {
                try await app.runService()
            } catch where "\(error)".contains("Address already in use") {
                throw CommandFailure("HTTP port \(settings.httpPort) on \(settings.httpHost) is already in use; set HTTP_PORT to a free port")
            }
        }
    }
}
