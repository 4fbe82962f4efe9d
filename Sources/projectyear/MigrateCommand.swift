import ArgumentParser
import Postgres
import Store

/// `projectyear migrate`: applies pending migrations (safe to run twice or twice at once), then
/// makes the logins of `database.url` and `database.worker_url` ready: created when missing,
/// members of projectyear_app / projectyear_worker, with the password their URL gives.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database to the latest schema (idempotent; concurrent runs take turns)."
    )

    func run() async throws {
        try await reportingErrors {
            let settings = try await loadSettings()
            bootstrapLogging(settings.logLevel)
            let migrator = try Migrator(folder: resolvePath(settings.migrationsPath))
            let connection = try connectAdmin(settings)
            defer { connection.close() }
            let applied = try migrator.migrate(connection)
            print(applied.isEmpty ? "database is up to date" : "applied \(applied.count) migration(s): \(applied.joined(separator: ", "))")
            for login in try ensureLogins(settings, on: connection) { print("login \(login.name) is ready for \(login.command)") }
        }
    }
}

extension MigrateCommand {
    /// The server's and the worker's logins, unless a URL logs in as the admin itself (one URL
    /// for everything: serve and worker then refuse to start) or names no user. A login named by
    /// both URLs (no worker URL of its own given) is made the server's only: a login in both
    /// groups is refused by both commands.
    func ensureLogins(_ settings: Settings, on connection: Connection) throws -> [(name: String, command: String)] {
        let admin = try LoginQueries.currentUser(on: connection)
        var ready: [(name: String, command: String)] = []
        for (url, role, command) in [(settings.databaseURL, Database.Role.app, "serve"), (settings.workerURL, .worker, "worker")] {
            guard let parameters = ConnectionString.parameters(url), let user = parameters["user"], user != admin,
                  !ready.contains(where: { $0.name == user }) else { continue }
            try LoginQueries.ensure(login: user, password: parameters["password"], group: role, on: connection)
            ready.append((user, command))
        }
        return ready
    }
}
