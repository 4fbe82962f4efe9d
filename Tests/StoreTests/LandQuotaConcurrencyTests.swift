import Campaign
import Foundation
import Postgres
import Store
import Testing
import TestSupport

/// Land allocations never exceed the year's quota, nor its reserve, even when two county editors
/// allocate at the same moment: the quota row is locked, so they take turns.
///
/// The world's 2024 quota is 100 亩 with 30 reserved; 20 regular and 10 reserved are allocated,
/// so 50 regular and 20 reserved 亩 are left.
@Suite struct LandQuotaConcurrencyTests {
    enum Attempt: Equatable, Sendable {
        case committed
        case failed(sqlState: String?, constraint: String?)
    }

    /// One county editor's transaction: allocate, wait so the other one overlaps, commit.
    static func allocate(
        _ database: TestDatabase, caller: Caller, project: Int64, area: Int, fromReserve: Bool, hold: Double
    ) async -> Attempt {
        await Task.detached {
            do {
                let connection = try database.connect()
                defer { connection.close() }
                try ActingAs.transaction(caller, on: connection, commit: true) { connection in
                    try connection.execute("""
                        INSERT INTO app.land_allocations (year, project_id, area_mu, from_reserve)
                        VALUES (2024, \(project), \(String(area))::numeric, \(fromReserve))
                        """)
                    try connection.execute("SELECT pg_sleep(\(hold))")
                }
                return .committed
            } catch let error as PostgresError {
                return .failed(sqlState: error.sqlState, constraint: error.constraint)
            } catch {
                return .failed(sqlState: nil, constraint: "\(error)")
            }
        }.value
    }

    func race(fromReserve: Bool, area: Int, project: String) async throws -> (attempts: [Attempt], allocated: String) {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            let world = try World.seed(on: connection)
            let editor = world.user("CTY", .editor).caller
            let projectID = world.id(project)
            async let first = Self.allocate(database, caller: editor, project: projectID, area: area, fromReserve: fromReserve, hold: 0.5)
            async let second = Self.allocate(database, caller: editor, project: projectID, area: area, fromReserve: fromReserve, hold: 0.5)
            let attempts = await [first, second]
            let allocated: String = try connection.query("""
                SELECT sum(area_mu) FILTER (WHERE from_reserve)::text || '/' || sum(area_mu) FILTER (WHERE NOT from_reserve)::text AS a
                  FROM app.land_allocations WHERE year = 2024
                """)[0].decode("a")
            return (attempts, allocated)
        }
    }

    @Test func onlyOneOfTwoConcurrentAllocationsFitsTheQuota() async throws {
        let (attempts, allocated) = try await race(fromReserve: false, area: 30, project: "P2")
        #expect(attempts.filter { $0 == .committed }.count == 1)
        #expect(attempts.contains(.failed(sqlState: SQLState.checkViolation, constraint: "land_allocations_quota")))
        #expect(allocated == "10.00/50.00")
    }

    @Test func onlyOneOfTwoConcurrentAllocationsFitsTheReserve() async throws {
        let (attempts, allocated) = try await race(fromReserve: true, area: 15, project: "P3")
        #expect(attempts.filter { $0 == .committed }.count == 1)
        #expect(attempts.contains(.failed(sqlState: SQLState.checkViolation, constraint: "land_allocations_reserve")))
        #expect(allocated == "25.00/20.00")
    }

    /// The same with a forced order: the second waits on the first's lock, then sees its row.
    @Test func aWaitingAllocationSeesTheOneBeforeIt() async throws {
        try await TestDatabase.with { database in
            let admin = try database.connect()
            defer { admin.close() }
            let world = try World.seed(on: admin)
            let editor = world.user("CTY", .editor).caller
            let first = try database.connect()
            defer { first.close() }
            try first.execute("BEGIN")
            try Database.setCaller(editor, on: first)
            try first.execute("INSERT INTO app.land_allocations (year, project_id, area_mu) VALUES (2024, \(world.id("P2")), 40)")
            let second = Task.detached {
                await Self.allocate(database, caller: editor, project: world.id("P4"), area: 20, fromReserve: false, hold: 0)
            }
            // Wait until the second transaction is blocked on the first's lock, then commit the first.
            var waiting = false
            for _ in 0..<100 where !waiting {
                waiting = try admin.query("""
                    SELECT count(*)::integer AS n FROM pg_catalog.pg_stat_activity
                     WHERE datname = current_database() AND wait_event_type = 'Lock'
                    """)[0].decode("n", as: Int.self) > 0
                if !waiting { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(waiting)
            try first.execute("COMMIT")
            #expect(await second.value == .failed(sqlState: SQLState.checkViolation, constraint: "land_allocations_quota"))
        }
    }
}
