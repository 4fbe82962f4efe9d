import Campaign
import Foundation
import Postgres
import Store
import Testing
import TestSupport

/// Rule 5: with the penalty on, every monthly report of a district's projects (major or not)
/// submitted after the deadline day of the following month costs points, up to the cap.
@Suite struct LateReportTests {
    @Test func latePenaltyCountsEveryProjectOfTheDistrictUpToTheCap() async throws {
        try await TestDatabase.with { db in
            // setup: penalty 2 per late report, capped at 5; deadline day 5
            let admin = try db.connect()
            let county = try County.create(on: admin)
            try Self.usePenalty(2, cap: 5, on: admin)
            // D2: one late report of its major project P2 (February, submitted on 6 March);
            // D1: three late reports of the non-major P3 (January to March, each a month late)
            try admin.execute("""
                UPDATE app.monthly_reports SET first_submitted_at = make_timestamptz(\(County.year), 3, 6, 12, 0, 0, 'Asia/Shanghai')
                 WHERE project_id = \(county["P2"]) AND month = make_date(\(County.year), 2, 1)
                """)
            for month in 1...3 {
                try admin.execute("""
                    INSERT INTO app.monthly_reports (project_id, month, investment_completed, submitted_at)
                    VALUES (\(county["P3"]), make_date(\(County.year), \(month), 1), 1,
                            make_timestamptz(\(County.year), \(month) + 2, 1, 12, 0, 0, 'Asia/Shanghai'))
                    ON CONFLICT (project_id, month) DO UPDATE SET first_submitted_at = excluded.submitted_at
                    """)
            }
            // MUT
            let groups = try await Self.computeQ1(db, admin: admin)
            // validation
            let deduction = Dictionary(uniqueKeysWithValues: groups.district.map { ($0.agency.code, $0.deduction) })
            #expect(deduction["D1"] == 5, "three late reports × 2 = 6, capped at 5")
            #expect(deduction["D2"] == 2)
            #expect(deduction["D3"] == 0)
            #expect(groups.department.allSatisfy { $0.deduction == 0 })
        }
    }

    /// The deadline is the end of day N in county time (Asia/Shanghai, UTC+8): a report in at
    /// 23:59:59 on 5 March is on time, one in at 00:00 on 6 February (5 February in UTC) is late.
    @Test func theDeadlineIsTheEndOfItsDayInCountyTime() async throws {
        try await TestDatabase.with { db in
            // setup: penalty 2 per late report, deadline day 5
            let admin = try db.connect()
            let county = try County.create(on: admin)
            try Self.usePenalty(2, cap: AssessmentScheme.default.lateReportPenaltyCap, on: admin)
            for (month, day, time) in [(1, (2, 6), (0, 0, 0)), (2, (3, 5), (23, 59, 59))] {
                try admin.execute("""
                    UPDATE app.monthly_reports
                       SET first_submitted_at = make_timestamptz(\(County.year), \(day.0), \(day.1), \(time.0), \(time.1), \(time.2), 'Asia/Shanghai')
                     WHERE project_id = \(county["P2"]) AND month = make_date(\(County.year), \(month), 1)
                    """)
            }
            // MUT
            let groups = try await Self.computeQ1(db, admin: admin)
            // validation
            let deduction = Dictionary(uniqueKeysWithValues: groups.district.map { ($0.agency.code, $0.deduction) })
            #expect(deduction["D2"] == 2, "January's report, in at 00:00 on 6 February county time, is the only late one")
        }
    }

    /// Report review: D1's February report of P1 (60, first submitted on 1 March, on time) is
    /// returned. While returned it counts for nothing: D1's Q1 major investment is P1's January 50
    /// + March 40 = 90, and nothing is late. The district fixes it on 20 March (past the 5 March
    /// deadline) to 70: it counts again, 50 + 70 + 40 = 160, and it is not late, because lateness
    /// is judged by the first submission.
    @Test func aReturnedReportCountsForNothingAndItsFixIsNotLate() async throws {
        try await TestDatabase.with { db in
            // setup
            let admin = try db.connect()
            let county = try County.create(on: admin)
            try Self.usePenalty(2, cap: 5, on: admin)
            let february = "project_id = \(county["P1"]) AND month = make_date(\(County.year), 2, 1)"
            try admin.execute(Query(sql: "UPDATE app.monthly_reports SET status = 'returned', review_comment = '金额与台账不符' WHERE \(february)"))
            // MUT: while returned
            let returned = try await Self.computeQ1(db, admin: admin)
            #expect(Self.majorInvestment("D1", returned) == 90)
            #expect(returned.district.first { $0.agency.code == "D1" }?.deduction == 0)
            // the district replaces it on 20 March, as a district caller (the review trigger applies)
            try admin.execute("BEGIN")
            try admin.execute("""
                SELECT set_config('app.agency_kind', 'district', true), set_config('app.agency_id', \(String(county["D1"])), true)
                """)
            try admin.execute(Query(sql: """
                UPDATE app.monthly_reports SET investment_completed = 70,
                       submitted_at = make_timestamptz(\(County.year), 3, 20, 10, 0, 0, 'Asia/Shanghai') WHERE \(february)
                """))
            try admin.execute("COMMIT")
            let row = try admin.query(Query(sql: "SELECT status, first_submitted_days_after_month AS days FROM app.monthly_reports WHERE \(february)"))[0]
            #expect(try row.decode("status", as: String.self) == "submitted")
            #expect(try row.decode("days", as: Int.self) == 0)
            // MUT: fixed
            let fixed = try await Self.computeQ1(db, admin: admin)
            // validation
            #expect(Self.majorInvestment("D1", fixed) == 160)
            #expect(fixed.district.first { $0.agency.code == "D1" }?.deduction == 0, "the fix is not late")
        }
    }

    static func majorInvestment(_ code: String, _ groups: RankingGroups) -> Decimal? {
        groups.district.first { $0.agency.code == code }?.indicators.first { $0.code == .majorInvestment }?.actual
    }

    /// The default scheme with `penalty` points per late report, capped at `cap`.
    static func usePenalty(_ penalty: Decimal, cap: Decimal, on admin: Connection) throws {
        var scheme = AssessmentScheme.default
        scheme.lateReportPenalty = penalty
        scheme.lateReportPenaltyCap = cap
        try admin.execute("INSERT INTO app.assessment_schemes (year, scheme) VALUES (\(County.year), \(String(decoding: try scheme.jsonData(), as: UTF8.self))::jsonb)")
    }

    /// Queues Q1, lets a worker compute it, and returns its results.
    static func computeQ1(_ db: TestDatabase, admin: Connection) async throws -> RankingGroups {
        let pool = db.makePool()
        let run = try County.queue(.q1, on: admin)
        #expect(try await db.worker("late", pool: pool).processNext() == run)
        await pool.shutdown()
        return try County.results(run, .q1, on: admin)
    }
}
