import Foundation
import Logging

/// Brings a database to the latest schema from the ordered files in `sql/migrations`.
///
/// Each file `NNNN_name.sql` runs in its own transaction and is recorded in
/// `public.schema_migrations` with the SHA-256 of its text. A session-level advisory lock makes
/// concurrent runs take turns; an applied file whose text changed is refused.
public struct Migrator: Sendable {
    /// One migration file.
    public struct Migration: Sendable, Equatable {
        public var version: Int
        public var name: String
        public var sql: String

        public init(version: Int, name: String, sql: String) {
            self.version = version
            self.name = name
            self.sql = sql
        }
    }

    /// Why migrating stopped.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case folderMissing(String)
        case badFileName(String)
        case duplicateVersion(Int)
        case edited(name: String)
        case failed(name: String, reason: String)

        public var description: String {
            switch self {
            case .folderMissing(let path):
                "migrations folder \(path) not found; run from the checkout or set MIGRATIONS_PATH"
            case .badFileName(let name):
                "migration file \(name) must be named NNNN_name.sql"
            case .duplicateVersion(let version):
                "two migration files share the number \(version)"
            case .edited(let name):
                "migration \(name) was edited after it was applied; restore it and add a new migration instead"
            case .failed(let name, let reason):
                "migration \(name) failed: \(reason)"
            }
        }
    }

    public let migrations: [Migration]
    static let lockKey = 7_120_300_001

    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Reads every `NNNN_name.sql` in `folder`.
    public init(folder: URL) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw Failure.folderMissing(folder.path)
        }
        var migrations: [Migration] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            guard let underscore = name.firstIndex(of: "_"), let version = Int(name[..<underscore]) else {
                throw Failure.badFileName(name)
            }
            if migrations.contains(where: { $0.version == version }) { throw Failure.duplicateVersion(version) }
            let sql = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            migrations.append(Migration(version: version, name: name, sql: sql))
        }
        self.init(migrations: migrations)
    }

    /// Applies the pending migrations and returns the names applied (empty when up to date).
    @discardableResult
    public func migrate(_ connection: Connection, logger: Logger = Logger(label: "projectyear.migrate")) throws -> [String] {
        try connection.execute("SELECT pg_advisory_lock(\(Self.lockKey))")
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(\(Self.lockKey))") }
        try connection.simpleQuery("""
            CREATE TABLE IF NOT EXISTS public.schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """)
        let applied = try appliedChecksums(connection)
        var names: [String] = []
        for migration in migrations {
            let checksum = try self.checksum(of: migration, on: connection)
            if let existing = applied[migration.version] {
                guard existing == checksum else { throw Failure.edited(name: migration.name) }
                continue
            }
            do {
                try connection.withTransaction { connection in
                    try connection.simpleQuery(migration.sql)
                    try connection.execute("""
                        INSERT INTO public.schema_migrations (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), \(checksum))
                        """)
                }
            } catch let error as PostgresError {
                throw Failure.failed(name: migration.name, reason: error.serverMessage ?? error.description)
            }
            logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
            names.append(migration.name)
        }
        return names
    }

    /// The files not yet applied (all of them when the database was never migrated).
    public func pending(_ connection: Connection) throws -> [String] {
        let exists = try connection.query("SELECT to_regclass('public.schema_migrations') IS NOT NULL AS present")
        guard try exists.first?.decode("present", as: Bool.self) == true else { return migrations.map(\.name) }
        let applied = try appliedChecksums(connection)
        return migrations.filter { applied[$0.version] == nil }.map(\.name)
    }

    private func appliedChecksums(_ connection: Connection) throws -> [Int: String] {
        let rows = try connection.query("SELECT version, checksum FROM public.schema_migrations")
        return try Dictionary(uniqueKeysWithValues: rows.map { row in
            (try row.decode("version", as: Int.self), try row.decode("checksum", as: String.self))
        })
    }

    private func checksum(of migration: Migration, on connection: Connection) throws -> String {
        let rows = try connection.query("SELECT encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex') AS sum")
        return try rows[0].decode("sum")
    }
}
