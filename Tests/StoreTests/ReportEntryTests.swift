import Campaign
import Postgres
import Store
import Testing
import TestSupport

/// `MonthlyReportQueries.entry`: what the report PUT reads before it writes, in one statement,
/// under the caller's row-level security.
@Suite struct ReportEntryTests {
    static let january = Month(year: 2024, month: 1)!

    func entry(_ world: World, _ agency: String, _ project: String, month: Month = january, on connection: Connection) throws
        -> MonthlyReportQueries.Entry? {
        try ActingAs.transaction(world.user(agency, .editor).caller, on: connection) {
            try MonthlyReportQueries.entry(projectID: world.id(project), month: month, on: $0)
        }
    }

    @Test func anApprovedReportIsLockedForItsDistrictNotForTheCounty() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            // setup: R5 (P5 of D1, January 2024) is approved
            let world = try World.seed(on: connection)
            // MUT
            let district = try #require(try entry(world, "D1", "P5", on: connection))
            let county = try #require(try entry(world, "CTY", "P5", on: connection))
            // validate
            #expect(district.report?.id == world.id("R5") && district.report?.review.status == .approved)
            #expect(district.locked)
            #expect(county.report?.id == world.id("R5") && !county.locked)
        }
    }

    @Test func itCarriesTheMonthsPlanAndNoReportWhereThereIsNone() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            // setup: P1 has a 2024 plan of 10 a month and a January report (R1); P5 has no plan
            let world = try World.seed(on: connection)
            // MUT
            let january = try #require(try entry(world, "D1", "P1", on: connection))
            let february = try #require(try entry(world, "D1", "P1", month: Month(year: 2024, month: 2)!, on: connection))
            let unplanned = try #require(try entry(world, "D1", "P5", on: connection))
            // validate
            #expect(january.planned == 10 && january.report?.id == world.id("R1") && !january.locked)
            #expect(february.planned == 10 && february.report == nil && !february.locked)
            #expect(unplanned.planned == nil)
        }
    }

    @Test func aProjectOutOfViewHasNoEntry() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            // setup: D2 cannot see P1 (D1's)
            let world = try World.seed(on: connection)
            // MUT / validate
            #expect(try entry(world, "D2", "P1", on: connection) == nil)
        }
    }
}
