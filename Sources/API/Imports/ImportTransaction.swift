import Postgres
import Store

/// Runs an import's work in one transaction as the caller; a dry run does the same work, then
/// rolls it back and answers what would have happened.
enum ImportTransaction {
    private struct DryRun: Error {
        let summary: ImportQueries.Summary
    }

    static func run(
        dryRun: Bool, database: Database, caller: Caller, _ body: @escaping @Sendable (Connection) throws -> ImportQueries.Summary
    ) async throws -> ImportQueries.Summary {
        do {
            return try await database.transaction(as: caller) { connection in
                var summary = try body(connection)
                guard dryRun else { return summary }
                summary.importID = nil
                throw DryRun(summary: summary)
            }
        } catch let dry as DryRun {
            return dry.summary
        }
    }
}
