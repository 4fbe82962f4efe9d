import Logging
import Postgres
import Prometheus
import Store

/// What the HTTP application needs from the outside world, built once by the executable
/// (or by a test) and handed to `buildApplication`.
public struct AppDependencies: Sendable {
    public var database: Database
    public var migrator: Migrator
    public var metrics: PrometheusCollectorRegistry
    public var sessionLifetime: Duration
    public var logger: Logger

    public init(
        database: Database, migrator: Migrator, metrics: PrometheusCollectorRegistry,
        sessionLifetime: Duration = .seconds(12 * 3600), logger: Logger = Logger(label: "projectyear.api")
    ) {
        self.database = database
        self.migrator = migrator
        self.metrics = metrics
        self.sessionLifetime = sessionLifetime
        self.logger = logger
    }
}
