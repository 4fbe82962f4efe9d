import Campaign
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
    /// The assessment scheme of a year that has none stored (`config/default-scheme.json`).
    public var defaultScheme: AssessmentScheme
    /// Bytes the attachments of one project may use together (`attachments.quota_mib`).
    public var attachmentQuota: Int64
    /// How the OC4IDS package names its publisher and links (`oc4ids.*`).
    public var openData: OpenDataSettings
    public var logger: Logger

    public init(
        database: Database, migrator: Migrator, metrics: PrometheusCollectorRegistry,
        sessionLifetime: Duration = .seconds(12 * 3600), defaultScheme: AssessmentScheme = .default,
        attachmentQuota: Int64 = 500 << 20, openData: OpenDataSettings = OpenDataSettings(),
        logger: Logger = Logger(label: "projectyear.api")
    ) {
        self.database = database
        self.migrator = migrator
        self.metrics = metrics
        self.sessionLifetime = sessionLifetime
        self.defaultScheme = defaultScheme
        self.attachmentQuota = attachmentQuota
        self.openData = openData
        self.logger = logger
    }
}

/// The publisher of the open-data (OC4IDS) package: its registered project-identifier prefix
/// (ids are `oc4ids-<prefix>-<national code or code>`), its name, and the address clients reach
/// the API at (for the package's `uri` and documents' links).
public struct OpenDataSettings: Sendable {
    public var prefix: String
    public var publisher: String
    public var baseURL: String

    public init(prefix: String = "yq0329", publisher: String = "余庆县发展和改革局", baseURL: String = "http://127.0.0.1:8080") {
        self.prefix = prefix
        self.publisher = publisher
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }
}
