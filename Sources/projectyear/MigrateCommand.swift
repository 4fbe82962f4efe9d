import ArgumentParser
import Postgres
import Store

/// `projectyear migrate`: applies pending migrations; safe to run twice or twice at once.
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
            let connection = try connectOnce(settings)
            let applied = try migrator.migrate(connection)
            print(applied.isEmpty ? "database is up to date" : "applied \(applied.count) migration(s): \(applied.joined(separator: ", "))")
        }
    }
}
