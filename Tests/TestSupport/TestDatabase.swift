import Foundation
import Postgres


/// A database of its own for one test, cloned from a template migrated once per test run.
///
/// The test command (`scripts/test`) starts a throwaway cluster and exports `PGHOST`, `PGPORT` and
/// `PGUSER`, which libpq reads; tests never touch any other cluster.
public struct TestDatabase: Sendable {
    /// The libpq connection string of this test's database.
    public let url: String
    public let name: String

    /// Creates a fresh migrated database, runs `body` with it, and drops it afterwards.
    public static func with<T: Sendable>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        try await run(try await TemplateRegistry.shared.cloneMigrated(), body)
    }

    /// Creates an empty (not migrated) database, for migration tests.
    public static func withEmpty<T: Sendable>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        try await run(try await TemplateRegistry.shared.createEmpty(), body)
    }

    private static func run<T: Sendable>(
        _ database: TestDatabase, _ body: (TestDatabase) async throws -> T
    ) async throws -> T {
        do {
            let value = try await body(database)
            try? await TemplateRegistry.shared.drop(database.name)
            return value
        } catch {
            try? await TemplateRegistry.shared.drop(database.name)
            throw error
        }
    }

    /// A pool on this database.
    public func makePool(maxConnections: Int = 4, acquireTimeout: Duration = .seconds(60)) -> ConnectionPool {
        ConnectionPool(configuration: .init(url: url, maxConnections: maxConnections, acquireTimeout: acquireTimeout))
    }

    /// A plain connection on this database (as the cluster's superuser).
    public func connect() throws -> Connection {
        try Connection.connect(url: url)
    }

    /// The connection string of the cluster's maintenance database.
    public static let adminURL = "dbname=postgres"

    /// The repository's `sql/migrations` folder.
    public static var migrationsFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sql/migrations")
    }
}
