import API
import Campaign
import Configuration
import Foundation
import API
import Logging

/// Everything the executable reads from `config/app.json` and the environment, checked once.
///
/// Keys are dotted (`database.pool.max`); each can be overridden by its environment variable
/// (`DATABASE_POOL_MAX`). A value that does not parse stops the program with the key's name.
struct Settings: Sendable {
    /// The server's login (`database.url`): not a superuser, not the tables' owner.
    var databaseURL: String
    /// The owner's or an administrator's login (`database.admin_url`, else `database.url`):
    /// migrate, demo, agency/user/analyst commands.
    var adminURL: String
    /// The worker's login (`database.worker_url`, else `database.url`).
    var workerURL: String
    var poolMax: Int
    var poolTimeout: Duration
    /// Streaming standbys for reads (`database.replica.urls`, comma-separated; empty for none).
    var replicaURLs: [String]
    var replicaMaxLag: Duration
    var replicaWait: Duration
    var httpHost: String
    var httpPort: Int
    /// Slow-client and connection limits of the HTTP server.
    var httpLimits: ServerLimits
    /// Reverse proxies whose `X-Forwarded-For` names the client (comma-separated addresses).
    var trustedProxies: Set<String>
    var logLevel: Logger.Level
    var sessionHours: Int
    var sessionCacheSeconds: Int
    var migrationsPath: String
    var workerSchedule: Bool
    var workerPoll: Duration
    var workerLease: Duration
    var workerReminders: Duration?
    var schemePath: String
    var consolePath: String
    var planBehindRatio: Decimal
    /// When a monthly figure needs 情况说明 (`reports.explanation_below`, `reports.explanation_above`).
    var explanationRule: ExplanationRule
    var attachmentQuotaMiB: Int
    var maxConcurrentImports: Int
    var openData: OpenDataSettings

    /// A configuration value that is missing or malformed.
    struct Invalid: Error, CustomStringConvertible {
        var key: String
        var problem: String
        var description: String {
            let variable = key.uppercased().replacingOccurrences(of: ".", with: "_")
            return "configuration \(key) (\(variable)): \(problem)"
        }
    }

    static func load(configFile: String = "config/app.json") async throws -> Settings {
        let reader = ConfigReader(providers: [
            EnvironmentVariablesProvider(),
            try await FileProvider<JSONSnapshot>(filePath: .init(configFile), allowMissing: true),
        ])
        let values = Values(reader: reader)
        let databaseURL = try values.string("database.url")
        // DATABASE_URL alone in the environment is used for every connection (one URL for all,
        // as tests do); otherwise each URL comes from its own key, empty meaning database.url.
        let environment = ProcessInfo.processInfo.environment
        func url(_ key: String) -> String {
            let variable = key.uppercased().replacingOccurrences(of: ".", with: "_")
            if environment["DATABASE_URL"] != nil, environment[variable] == nil { return databaseURL }
            return values.optionalString(key) ?? databaseURL
        }
        return Settings(
            databaseURL: databaseURL,
            adminURL: url("database.admin_url"),
            workerURL: url("database.worker_url"),
            poolMax: try values.int("database.pool.max", in: 1...500),
            poolTimeout: .seconds(try values.int("database.pool.timeout", in: 1...600)),
            replicaURLs: (values.optionalString("database.replica.urls") ?? "").split(separator: ",")
                .map { $0.trimmingSpaces() }.filter { !$0.isEmpty },
            replicaMaxLag: .seconds(try values.int("database.replica.lag", in: 1...86400)),
            replicaWait: .milliseconds(try values.int("database.replica.wait", in: 0...60000)),
            httpHost: try values.string("http.host"),
            httpPort: try values.int("http.port", in: 0...65535),
            httpLimits: ServerLimits(
                headerTimeout: .seconds(try values.int("http.header_timeout", in: 1...3600)),
                bodyStallTimeout: .seconds(try values.int("http.body_stall_timeout", in: 1...3600)),
                bodyMinimumRate: try values.int("http.body_min_rate", in: 1...(1 << 30)),
                idleTimeout: .seconds(try values.int("http.idle_timeout", in: 1...3600)),
                maxConnections: ServerLimits.connectionsWithinFileLimit(try values.int("http.max_connections", in: 1...1_000_000))
            ),
            trustedProxies: Set((values.optionalString("http.trusted_proxies") ?? "").split(separator: ",")
                .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }),
            logLevel: try values.logLevel("log.level"),
            sessionHours: try values.int("session.hours", in: 1...720),
            sessionCacheSeconds: try values.int("session.cache.seconds", in: 0...60),
            migrationsPath: try values.string("migrations.path"),
            workerSchedule: try values.bool("worker.schedule"),
            workerPoll: .seconds(try values.int("worker.poll", in: 1...3600)),
            workerLease: .seconds(try values.int("worker.lease", in: 5...3600)),
            workerReminders: try values.seconds("worker.reminders", in: 0...86400),
            schemePath: try values.string("assessment.scheme"),
            consolePath: try values.string("console.path"),
            planBehindRatio: try values.ratio("plans.behind_ratio"),
            explanationRule: ExplanationRule(
                below: try values.ratio("reports.explanation_below"), above: try values.ratio("reports.explanation_above", in: 1...100)),
            attachmentQuotaMiB: try values.int("attachments.quota_mib", in: 1...1_048_576),
            maxConcurrentImports: try values.int("imports.max_concurrent", in: 1...64),
            openData: OpenDataSettings(
                prefix: try values.string("oc4ids.prefix"), publisher: try values.string("oc4ids.publisher"),
                baseURL: try values.string("oc4ids.base_url")
            )
        )
    }
}

/// Reads and checks single values, naming the key in every error.
private struct Values {
    let reader: ConfigReader

    func string(_ key: String) throws -> String {
        guard let value = reader.string(forKey: ConfigKey(key)), !value.isEmpty else {
            throw Settings.Invalid(key: key, problem: "missing; set it in config/app.json or the environment")
        }
        return value
    }

    /// A value that may be left empty (nil then).
    func optionalString(_ key: String) -> String? {
        guard let value = reader.string(forKey: ConfigKey(key)), !value.isEmpty else { return nil }
        return value
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws -> Int {
        let problem = "must be a whole number in \(range.lowerBound)…\(range.upperBound)"
        guard let value = reader.int(forKey: ConfigKey(key)) else {
            let text = try string(key)
            throw Settings.Invalid(key: key, problem: "\"\(text)\" \(problem)")
        }
        guard range.contains(value) else { throw Settings.Invalid(key: key, problem: "\(value) \(problem)") }
        return value
    }

    /// A number of seconds, where 0 means never (nil).
    func seconds(_ key: String, in range: ClosedRange<Int>) throws -> Duration? {
        let value = try int(key, in: range)
        return value == 0 ? nil : .seconds(value)
    }

    /// A number from 0 to 1 (a share), kept exact as written.
    func ratio(_ key: String, in range: ClosedRange<Double> = 0...1) throws -> Decimal {
        let problem = "must be a number from \(range.lowerBound.formatted()) to \(range.upperBound.formatted())"
        guard let number = reader.double(forKey: ConfigKey(key)) else {
            throw Settings.Invalid(key: key, problem: "\"\(try string(key))\" \(problem)")
        }
        guard range.contains(number), let value = Decimal(string: String(number)) else {
            throw Settings.Invalid(key: key, problem: "\(number) \(problem)")
        }
        return value
    }

    func bool(_ key: String) throws -> Bool {
        if let value = reader.bool(forKey: ConfigKey(key)) { return value }
        let text = try string(key)
        throw Settings.Invalid(key: key, problem: "\"\(text)\" must be true or false")
    }

    func logLevel(_ key: String) throws -> Logger.Level {
        let text = try string(key).lowercased()
        guard let level = Logger.Level(rawValue: text) else {
            let allowed = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw Settings.Invalid(key: key, problem: "\"\(text)\" is not one of \(allowed)")
        }
        return level
    }
}
