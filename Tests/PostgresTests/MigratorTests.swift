import Foundation
import Postgres

import Testing
import TestSupport

@Suite struct MigratorTests {
    let sample = [
        Migrator.Migration(version: 1, name: "0001_things.sql", sql: "CREATE TABLE things (id int PRIMARY KEY);"),
        Migrator.Migration(version: 2, name: "0002_more.sql", sql: "ALTER TABLE things ADD COLUMN label text; INSERT INTO things VALUES (1, 'x');"),
    ]

    @Test func migratingTwiceIsANoOp() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            let migrator = Migrator(migrations: sample)
            #expect(try migrator.pending(connection) == ["0001_things.sql", "0002_more.sql"])
            #expect(try migrator.migrate(connection) == ["0001_things.sql", "0002_more.sql"])
            #expect(try migrator.migrate(connection) == [])
            #expect(try migrator.pending(connection) == [])
            #expect(try connection.query("SELECT count(*) AS c FROM things")[0].decode("c", as: Int.self) == 1)
        }
    }

    @Test func editedMigrationIsRefused() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            try Migrator(migrations: sample).migrate(connection)
            var edited = sample
            edited[0].sql += "\n-- changed"
            #expect(throws: Migrator.Failure.edited(name: "0001_things.sql")) {
                try Migrator(migrations: edited).migrate(connection)
            }
        }
    }

    @Test func failingMigrationLeavesNothingBehind() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            let broken = sample + [Migrator.Migration(version: 3, name: "0003_broken.sql", sql: "CREATE TABLE half (id int); SELECT no_such_function();")]
            #expect(throws: Migrator.Failure.self) { try Migrator(migrations: broken).migrate(connection) }
            #expect(try connection.query("SELECT to_regclass('half') IS NULL AS gone")[0].decode("gone", as: Bool.self))
            #expect(try Migrator(migrations: broken).pending(connection) == ["0003_broken.sql"])
        }
    }

    @Test func concurrentMigrationsTakeTurns() async throws {
        try await TestDatabase.withEmpty { database in
            let migrator = try Migrator(folder: TestDatabase.migrationsFolder)
            let url = database.url
            let results = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<3 {
                    group.addTask { try migrator.migrate(try Connection.connect(url: url)) }
                }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            #expect(results.filter { !$0.isEmpty }.count == 1)
            #expect(try migrator.pending(try database.connect()).isEmpty)
        }
    }

    @Test func repositoryMigrationsAreWellFormed() throws {
        let migrator = try Migrator(folder: TestDatabase.migrationsFolder)
        #expect(!migrator.migrations.isEmpty)
        // Numbers only increase; work streams take ranges of their own (0020–0029, …), so gaps are allowed.
        let versions = migrator.migrations.map(\.version)
        #expect(versions.first == 1 && zip(versions, versions.dropFirst()).allSatisfy { $0 < $1 })
    }
}
