import Demo
import Postgres
import Testing
import TestSupport

/// `demo --scale N --years Y`: the loaded year repeated in each earlier year, with plans and a
/// history row for every report, as a county that has run the campaign for years holds them.
@Suite struct PastYearsTests {
    @Test func fiveYearsHoldTheLoadedYearInEachEarlierYear() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            // MUT
            let summary = try DemoLoader.loadScale(connection, counties: 1, seed: 5, year: 2026, projectsPerCounty: 40, years: 5,
                                                   passwords: testPasswords)
            // validation: 40 projects × 12 months in each of 2022–2026
            let perYear = try connection.query("""
                SELECT date_part('year', month)::int AS year, count(*) AS reports,
                       count(*) FILTER (WHERE status = 'approved') AS approved
                  FROM app.monthly_reports GROUP BY 1 ORDER BY 1
                """).map { try ($0.decode("year", as: Int.self), $0.decode("reports", as: Int.self), $0.decode("approved", as: Int.self)) }
            #expect(perYear.map(\.0) == [2022, 2023, 2024, 2025, 2026])
            #expect(perYear.allSatisfy { $0.1 == 40 * 12 })
            #expect(perYear.dropLast().allSatisfy { $0.2 == $0.1 }, "earlier years are approved")
            #expect(summary.counts["monthly_reports"] == 5 * 40 * 12)
            // the same figures a year back, and the month's report submitted a year earlier too
            #expect(try connection.int("""
                SELECT count(*) FROM app.monthly_reports a JOIN app.monthly_reports b
                  ON b.project_id = a.project_id AND b.month = (a.month - interval '4 years')::date
                 WHERE a.month >= date '2026-01-01' AND b.investment_completed = a.investment_completed
                   AND b.first_submitted_at = a.first_submitted_at - interval '4 years'
                """) == 40 * 12)
            // a plan for every project and year with reports, whose months are the reports
            #expect(try connection.int("SELECT count(*) FROM app.investment_plans") == 5 * 40)
            #expect(try connection.int("""
                SELECT count(*) FROM app.investment_plans pl JOIN app.monthly_reports r
                  ON r.project_id = pl.project_id AND date_part('year', r.month) = pl.year
                 WHERE pl.monthly[date_part('month', r.month)::int] <> r.investment_completed
                """) == 0)
            // statistics and targets each year; one history row per report
            #expect(try connection.int("SELECT count(DISTINCT date_part('year', month)) FROM app.fai_statistics") == 5)
            #expect(try connection.int("SELECT count(DISTINCT year) FROM app.targets") == 5)
            #expect(try connection.int("SELECT count(*) FROM app.history WHERE table_name = 'monthly_reports'") == 5 * 40 * 12)
        }
    }

    @Test func oneYearStillGetsPlansAndHistory() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try DemoLoader.loadScale(connection, counties: 1, seed: 5, year: 2026, projectsPerCounty: 20, years: 1, passwords: testPasswords)
            #expect(try connection.int("SELECT count(DISTINCT date_part('year', month)) FROM app.monthly_reports") == 1)
            #expect(try connection.int("SELECT count(*) FROM app.investment_plans") == 20)
            #expect(try connection.int("SELECT count(*) FROM app.history WHERE table_name = 'monthly_reports'") == 20 * 12)
        }
    }
}
