import Assessment
import Campaign
import Demo
import Logging
import Postgres
import Store
import Testing
import TestSupport

/// The seed county is a realistic input for the assessment: a year-end run over it completes
/// and ranks both groups.
@Suite struct DemoAssessmentTests {
    @Test func yearEndAssessmentRanksBothGroups() async throws {
        try await TestDatabase.with { database in
            // setup
            let admin = try database.connect()
            try DemoLoader.loadSeed(admin, year: 2026, today: afterTheYear, passwords: testPasswords)
            let run: Int64 = try admin.query(
                "INSERT INTO app.assessment_runs (year, period) VALUES (2026, 'year') RETURNING id")[0].decode("id")
            let pool = database.makePool()
            let worker = AssessmentWorker(database: Database(pool: pool), options: .init(name: "demo-test"), logger: Logger(label: "test"))
            // MUT
            #expect(try await worker.processNext() == run)
            // validation
            #expect(try admin.query("SELECT status FROM app.assessment_runs WHERE id = \(run)")[0].decode("status", as: String.self) == "done")
            let groups = try AssessmentRunQueries.results(runID: run, period: .year, on: admin)
            for (name, entries) in [("department", groups.department), ("district", groups.district)] {
                let ranked = entries.filter { $0.rank != nil }
                #expect(ranked.count >= 3, "\(name): \(ranked.count) ranked")
                #expect(ranked.first?.rank == 1)
                #expect(entries.contains { $0.commended == true }, "\(name) has commended agencies")
            }
            #expect(groups.district.count == 10)
            #expect(groups.department.count == 8)
            await pool.shutdown()
        }
    }
}
