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

    /// The logins `serve` and `worker` connect as (migration 0019): no superuser, no owner.
    public enum Login: String, Sendable {
        case server = "projectyear_server_login"
        case worker = "projectyear_worker_login"
    }

    /// The connection string of this database as `login` (the test cluster trusts local logins).
    public func url(as login: Login) -> String {
        "\(url) user=\(login.rawValue)"
    }

    /// A pool on this database, as the cluster's superuser or as `login`.
    public func makePool(maxConnections: Int = 4, acquireTimeout: Duration = .seconds(60), as login: Login? = nil) -> ConnectionPool {
        ConnectionPool(configuration: .init(
            url: login.map { url(as: $0) } ?? url, maxConnections: maxConnections, acquireTimeout: acquireTimeout
        ))
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
