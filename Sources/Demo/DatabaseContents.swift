import Postgres
import Store

/// What a database holds, as far as loading the demo is concerned.
public enum DatabaseContents: Sendable, Equatable {
    /// Migrated and without any agency.
    case empty
    /// Holds the seed county (its county agency exists).
    case demo
    /// Holds agencies, and they are not the demo's.
    case other

    /// Looks at the database; fails with a clear message when it is not migrated.
    public static func inspect(_ connection: Connection) throws -> DatabaseContents {
        let contents = try DemoLoadQueries.contents(countyCode: SeedCounty.countyCode, on: connection)
        guard contents.migrated else { throw DemoError.notMigrated }
        guard contents.agencies else { return .empty }
        return contents.county ? .demo : .other
    }
}

/// Why the demo was not loaded.
public enum DemoError: Error, CustomStringConvertible, Equatable {
    case notMigrated
    case foreignData
    case badScale(Int)
    case badProjectsPerCounty(Int)

    public var description: String {
        switch self {
        case .notMigrated:
            "the database is not migrated; run `projectyear migrate` first"
        case .foreignData:
            "the database already holds other data (agencies that are not the demo's); refusing to mix the demo into it. Use an empty database, or pass --force to load anyway"
        case .badScale(let n):
            "--scale must be a positive number of counties (got \(n)); for example --scale 100 for about 200,000 projects"
        case .badProjectsPerCounty(let n):
            "--projects-per-county must be between 1 and 100000 (got \(n))"
        }
    }
}
