import Configuration
import Foundation
import Logging

/// Everything the executable reads from `config/app.json` and the environment, checked once.
///
/// Keys are dotted (`database.pool.max`); each can be overridden by its environment variable
/// (`DATABASE_POOL_MAX`). A value that does not parse stops the program with the key's name.
struct Settings: Sendable {
    var databaseURL: String
    var poolMax: Int
    var poolTimeout: Duration
    var httpHost: String
    var httpPort: Int
    var logLevel: Logger.Level
    var sessionHours: Int
    var sessionCacheSeconds: Int
    var migrationsPath: String
    var workerSchedule: Bool
    var workerPoll: Duration
    var workerLease: Duration
    var schemePath: String

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
        return Settings(
            databaseURL: try values.string("database.url"),
            poolMax: try values.int("database.pool.max", in: 1...500),
            poolTimeout: .seconds(try values.int("database.pool.timeout", in: 1...600)),
            httpHost: try values.string("http.host"),
            httpPort: try values.int("http.port", in: 0...65535),
            logLevel: try values.logLevel("log.level"),
            sessionHours: try values.int("session.hours", in: 1...720),
            sessionCacheSeconds: try values.int("session.cache.seconds", in: 0...60),
            migrationsPath: try values.string("migrations.path"),
            workerSchedule: try values.bool("worker.schedule"),
            workerPoll: .seconds(try values.int("worker.poll", in: 1...3600)),
            workerLease: .seconds(try values.int("worker.lease", in: 5...3600)),
            schemePath: try values.string("assessment.scheme")
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

    func int(_ key: String, in range: ClosedRange<Int>) throws -> Int {
        let problem = "must be a whole number in \(range.lowerBound)…\(range.upperBound)"
        guard let value = reader.int(forKey: ConfigKey(key)) else {
            let text = try string(key)
            throw Settings.Invalid(key: key, problem: "\"\(text)\" \(problem)")
        }
        guard range.contains(value) else { throw Settings.Invalid(key: key, problem: "\(value) \(problem)") }
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
