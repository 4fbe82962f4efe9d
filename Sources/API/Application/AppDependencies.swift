import Campaign
import Foundation
import Logging
import Postgres
import Prometheus
import Store

/// What the HTTP application needs from the outside world, built once by the executable
/// (or by a test) and handed to `buildApplication`.
public struct AppDependencies: Sendable {
    public var database: Database
    /// Signed-in users by token, trusted for a few seconds (`session.cache.seconds`; revoked on
    /// every server as sessions end, `SessionRevocations`).
    public var sessions: SessionCache
    public var migrator: Migrator
    public var metrics: PrometheusCollectorRegistry
    public var sessionLifetime: Duration
    /// The assessment scheme of a year that has none stored (`config/default-scheme.json`).
    public var defaultScheme: AssessmentScheme
    /// Bytes the attachments of one project may use together (`attachments.quota_mib`).
    public var attachmentQuota: Int64
    /// How the OC4IDS package names its publisher and links (`oc4ids.*`).
    public var openData: OpenDataSettings
    /// A project is behind plan when its plan ratio to date is below this (`plans.behind_ratio`).
    public var planBehindRatio: Decimal
    /// The listener that feeds `/notifications/stream` (run as one of the server's services).
    public var notificationHub: NotificationHub
    public var logger: Logger
    /// Today in Asia/Shanghai (a monthly report for a month that has not begun is refused).
    public var clock: CampaignClock
    /// The folder of the web console's static files, served at `/`; nil serves no console.
    public var consoleFolder: String?
    /// The sign-in throttle (per username and client address).
    public var signInPolicy: SignInPolicy
    /// Reverse proxies whose `X-Forwarded-For` names the client (`http.trusted_proxies`).
    public var trustedProxies: Set<String>
    /// Spreadsheet imports served at once; more are 503 (`imports.max_concurrent`).
    public var maxConcurrentImports: Int
    /// When a monthly figure needs 情况说明 (`reports.explanation_below` / `reports.explanation_above`).
    public var explanationRule: ExplanationRule
    /// bcrypt's cost for new passwords and the unknown-username decoy (`PasswordHasher.cost`;
    /// tests whose fixture users have cost-4 hashes set 4, so the decoy costs what they do).
    public var passwordCost: UInt8 = PasswordHasher.cost

    public init(
        database: Database, sessions: SessionCache = SessionCache(), migrator: Migrator, metrics: PrometheusCollectorRegistry,
        sessionLifetime: Duration = .seconds(12 * 3600), defaultScheme: AssessmentScheme = .default,
        attachmentQuota: Int64 = 500 << 20, openData: OpenDataSettings = OpenDataSettings(),
        planBehindRatio: Decimal = PlanDefaults.behindRatio, logger: Logger = Logger(label: "projectyear.api"),
        clock: CampaignClock = .system, consoleFolder: String? = nil, signInPolicy: SignInPolicy = .init(),
        trustedProxies: Set<String> = [], maxConcurrentImports: Int = 2, explanationRule: ExplanationRule = .default
    ) {
        self.database = database
        self.sessions = sessions
        self.migrator = migrator
        self.metrics = metrics
        self.sessionLifetime = sessionLifetime
        self.defaultScheme = defaultScheme
        self.attachmentQuota = attachmentQuota
        self.openData = openData
        self.planBehindRatio = planBehindRatio
        self.notificationHub = NotificationHub(url: database.pool.configuration.url, sessions: sessions, logger: logger)
        self.logger = logger
        self.clock = clock
        self.consoleFolder = consoleFolder
        self.signInPolicy = signInPolicy
        self.trustedProxies = trustedProxies
        self.maxConcurrentImports = maxConcurrentImports
        self.explanationRule = explanationRule
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
