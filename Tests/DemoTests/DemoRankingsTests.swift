import Assessment
import Campaign
import Demo
import Logging
import Postgres
import Store
import Testing
import TestSupport

/// A fresh demo's ranking board is not empty: the periods that have ended by the load's day are
/// computed by the worker's code and published; the others are left to the calendar.
@Suite struct DemoRankingsTests {
    @Test func theQuartersThatHaveEndedArePublishedAndTheWorkerHasNothingLeftToQueue() async throws {
        try await TestDatabase.with { database in
            // setup: mid-August, Q1 and Q2 are due (their reports were due on the 5th of April and July)
            let today = CalendarDate(year: 2026, month: 8, day: 20)!
            let admin = try database.connect()
            try DemoLoader.loadSeed(admin, year: 2026, today: today, passwords: testPasswords)
            let pool = database.makePool()
            // MUT
            let published = try await DemoRankings.publishFinishedPeriods(
                database: Database(pool: pool), today: today, scheme: .default, logger: Logger(label: "test"))
            // validation
            #expect(published.map(\.period) == [.q1, .q2])
            #expect(published.allSatisfy { $0.year == 2026 })
            for run in published {
                let latest = try AssessmentRunQueries.latestPublished(year: 2026, period: run.period, on: admin)
                #expect(latest?.id == run.id)
                let groups = try AssessmentRunQueries.results(runID: run.id, period: run.period, on: admin)
                #expect(groups.district.count == 10 && groups.department.count == 8)
                #expect(groups.district.contains { $0.rank == 1 })
            }
            #expect(try AssessmentRunQueries.latestPublished(year: 2026, period: .q3, on: admin) == nil)
            // A worker with its schedule on finds the calendar's runs already there.
            #expect(try AssessmentSchedule.queueDue(today: today, defaultScheme: .default, on: admin).isEmpty)
            #expect(try admin.int("SELECT count(*) FROM app.assessment_runs WHERE status <> 'published'") == 0)
            await pool.shutdown()
        }
    }
}
