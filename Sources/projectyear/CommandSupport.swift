import ArgumentParser
import Foundation
import Logging
import Postgres
import Store

/// A failure to report on one line and exit non-zero, without a stack trace.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command's body, turning every error into one clear line on standard error.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ExitCode {
        throw error
    } catch {
        let message: String
        switch error {
        case let error as PostgresError where error.kind == .connectionFailed:
            message = "cannot connect to the database (DATABASE_URL): \(error.reason)"
        case let error as PostgresError:
            message = error.serverMessage.map { "database error: \($0)" } ?? error.description
        default:
            message = "\(error)"
        }
        FileHandle.standardError.write(Data("projectyear: error: \(message)\n".utf8))
        throw ExitCode.failure
    }
}

/// Sets up logging once per process.
func bootstrapLogging(_ level: Logger.Level) {
    LoggingSystem.bootstrap { label in StandardErrorLogHandler(label: label, level: level) }
}

/// Finds a path from the settings: as given, or relative to the executable's ancestors (so a
/// binary under `.build/` finds the checkout's `sql/` and `config/` from any directory).
func resolvePath(_ path: String) -> URL {
    if path.hasPrefix("/") || FileManager.default.fileExists(atPath: path) {
        return URL(fileURLWithPath: path)
    }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.path != "/" {
        let candidate = folder.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        folder.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: path)
}

/// Loads the settings, reading `config/app.json` wherever `resolvePath` finds it.
func loadSettings() async throws -> Settings {
    try await Settings.load(configFile: resolvePath("config/app.json").path)
}

/// Opens one connection for an administrative command (migrate, demo, agency/user/analyst):
/// `database.admin_url`, or `database.url` when that is not set.
func connectAdmin(_ settings: Settings) throws -> Connection {
    try Connection.connect(url: settings.adminURL)
}

/// Connects once and refuses to go on when the login has more rights than `role` needs
/// (superuser, BYPASSRLS, owner of the tables, other roles): least privilege at the connection.
func requireLeastPrivilege(_ pool: ConnectionPool, as role: Database.Role, setting: String) async throws {
    let (login, reasons) = try await pool.withConnection { try LoginQueries.excessPrivileges(expecting: role, on: $0) }
    guard reasons.isEmpty else {
        let suggested = role == .app ? "projectyear_server_login" : "projectyear_worker_login"
        throw CommandFailure("""
            \(setting) logs in as \(login), which \(reasons.joined(separator: ", ")); connect as a login that is only a \
            member of \(role.rawValue), such as \(suggested) (created by projectyear migrate; see README)
            """)
    }
}
