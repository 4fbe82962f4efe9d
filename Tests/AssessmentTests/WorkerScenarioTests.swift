@testable import Assessment
import Campaign
import Foundation
import Postgres
import Store
import TestSupport
import Testing

/// The worker end to end on the hand-computed county of `County`.
@Suite struct WorkerScenarioTests {
    /// Q1–Q4 and the year, each computed by a worker and published; figures by hand:
    /// Q1 D1 = (48 + 24 + 12 + 0 + 24) / 100 × 100 = 108; D2 = (40 + 24 + 0 + 24) / 90 × 100 = 97.78;
    /// D3 = 48 / 40 × 100 = 120; DEP1 = (24 + 12 + 24) / 50 × 100 = 120; DEP2 has no target.
    /// Q2 D1 = 48 + 24 + 10/0.9 + 0 + 24 = 107.11; D2 = (44.44 + 24 + 0 + 13.33) / 90 = 90.86; D3 = 100;
    /// DEP1 = (24 + 11.11 + 24) / 50 = 118.22. Q3 D1 = 48 + 24 + 6.67 + 0 + 20 = 98.67;
    /// D2 = (40 + 20 + 0 + 24) / 90 = 93.33; D3 = 100; DEP1 = (24 + 12 + 22.22) / 50 = 116.44.
    /// Q4 D1 = 48 + 24 + 5 + 0 + 23 = 100; D2 = (38 + 15 + 0 + 20) / 90 = 81.11; D3 = 100; DEP1 = 112.
    /// Year composite = 0.6 × Q4 figures + 0.4 × mean of the quarters: D1 101.38, D2 84.98, D3 102,
    /// DEP1 113.87.
    @Test func quartersAndYearMatchHandComputedRankings() async throws {
        try await TestDatabase.with { db in
            // setup
            let admin = try db.connect()
            let county = try County.create(on: admin)
            let pool = db.makePool()
            let worker = db.worker("w1", pool: pool)
            let expected: [(Period, [String: String], [String: String])] = [
                (.q1, ["D3": "1 120", "D1": "2 108", "D2": "3 97.78"], ["DEP1": "1 120", "DEP2": "- -"]),
                (.q2, ["D1": "1 107.11", "D3": "2 100", "D2": "3 90.86"], ["DEP1": "1 118.22", "DEP2": "- -"]),
                (.q3, ["D3": "1 100", "D1": "2 98.67", "D2": "3 93.33"], ["DEP1": "1 116.44", "DEP2": "- -"]),
                (.q4, ["D1": "1 100", "D3": "1 100", "D2": "3 81.11"], ["DEP1": "1 112", "DEP2": "- -"]),
            ]
            var runs: [Period: Int64] = [:]
            for (period, districts, departments) in expected {
                // MUT
                let run = try County.queue(period, on: admin)
                #expect(try await worker.processNext() == run)
                // validation
                #expect(try County.status(run, on: admin) == "done")
                let groups = try County.results(run, period, on: admin)
                #expect(table(groups.district) == districts, "\(period)")
                #expect(table(groups.department) == departments, "\(period)")
                try expectReproducible(run, on: admin)
                runs[period] = run
                if period != .q4 { try County.publish(run, on: admin) }
            }
            let q1 = try County.results(runs[.q1]!, .q1, on: admin)
            #expect(q1.district.map(\.agency.code) == ["D3", "D1", "D2"])
            #expect(q1.district.map(\.behind) == [[], [.completions], [.newStarts]])
            let d2 = try #require(q1.district.last)
            #expect(d2.indicators[0] == RankingEntry.IndicatorLine(IndicatorResult(
                indicator: .fai, weight: 40, actual: 200, annualTarget: 1000, target: 200, applicable: true, ratio: 1, points: 40)))
            #expect(d2.indicators[3].target == nil && d2.indicators[3].ratio == nil, "no completions target: not applicable")
            let q2 = try County.results(runs[.q2]!, .q2, on: admin)
            #expect(q2.district.first { $0.agency.code == "D2" }?.behind == [.newStarts, .attractionFunds])
            #expect(try County.results(runs[.q4]!, .q4, on: admin).district.map(\.agency.code) == ["D1", "D3", "D2"],
                    "a tie lists by code")

            // A year run while Q4 is unpublished: Q4 is computed from current data, provisional.
            let provisional = try County.queue(.year, on: admin)
            #expect(try await worker.processNext() == provisional)
            let early = try County.results(provisional, .year, on: admin)
            #expect(early.district.allSatisfy(\.provisional) && early.department.allSatisfy(\.provisional))

            try County.publish(runs[.q4]!, on: admin)
            let year = try County.queue(.year, on: admin)
            #expect(try await worker.processNext() == year)
            try County.publish(year, on: admin)
            let groups = try County.results(year, .year, on: admin)
            #expect(table(groups.district) == ["D3": "1 102", "D1": "2 101.38", "D2": "3 84.98"])
            #expect(table(groups.department) == ["DEP1": "1 113.87", "DEP2": "- -"])
            #expect(groups.district.allSatisfy { !$0.provisional && $0.commended })
            #expect(groups.department.map(\.commended) == [true, false])
            #expect(groups.district.map(\.missed) == [[], [.newStarts, .completions], [.fai, .majorInvestment, .newStarts]])
            #expect(groups.district.map(\.accountable) == [false, true, true])
            #expect(groups.department.map(\.accountable) == [false, false])
            let d1 = try #require(groups.district.first { $0.agency.code == "D1" })
            #expect(d1.yearScore == 100)
            #expect(d1.quarterScores == [108, d("107.11"), d("98.67"), 100])
            #expect(groups.district.allSatisfy { $0.behind.isEmpty })
            try expectReproducible(year, on: admin)
            let inputs = try storedInputs(year, on: admin)
            #expect(inputs.quarterRuns == ["Q1": runs[.q1]!, "Q2": runs[.q2]!, "Q3": runs[.q3]!, "Q4": runs[.q4]!])
            #expect(inputs.input.scheme == .default)
            _ = county
            await pool.shutdown()
        }
    }

    /// February's report of P2 (D2) drops from 30 to 0 after Q1 was published: the published Q1
    /// ranking keeps D2 at 97.78; a new Q1 run gives (40 + 20 × 70/80 + 0 + 24) / 90 = 90.56.
    @Test func lateChangeLeavesPublishedRunAlone() async throws {
        try await TestDatabase.with { db in
            let admin = try db.connect()
            let county = try County.create(on: admin)
            let pool = db.makePool()
            let worker = db.worker("w1", pool: pool)
            let first = try County.queue(.q1, on: admin)
            try await worker.processNext()
            try County.publish(first, on: admin)

            // MUT
            try admin.execute("""
                UPDATE app.monthly_reports SET investment_completed = 0
                 WHERE project_id = \(county["P2"]) AND month = '2026-02-01'
                """)
            let second = try County.queue(.q1, on: admin)
            try await worker.processNext()

            // validation
            #expect(table(try County.results(first, .q1, on: admin).district)["D2"] == "3 97.78")
            #expect(table(try County.results(second, .q1, on: admin).district)["D2"] == "3 90.56")
            #expect(try AssessmentRunQueries.latestPublished(year: 2026, period: .q1, on: admin)?.id == first)
            try County.publish(second, on: admin)
            #expect(try AssessmentRunQueries.latestPublished(year: 2026, period: .q1, on: admin)?.id == second)
            let error = #expect(throws: PostgresError.self) {
                try admin.execute("UPDATE app.assessment_results SET score = 0 WHERE run_id = \(first)")
            }
            #expect(error?.sqlState == "55000")
            #expect(table(try County.results(first, .q1, on: admin).district)["D2"] == "3 97.78")
            await pool.shutdown()
        }
    }

    /// A run whose scheme breaks the rules fails with the reason, and writes no result.
    @Test func failedRunRecordsWhyAndWritesNothing() async throws {
        try await TestDatabase.with { db in
            let admin = try db.connect()
            _ = try County.create(on: admin)
            try admin.execute("""
                INSERT INTO app.assessment_schemes (year, scheme) VALUES (2026,
                  '{"weights":{"fai":0,"major_investment":0,"new_starts":0,"completions":0,"attraction_funds":0}}')
                """)
            let pool = db.makePool()
            let run = try County.queue(.q1, on: admin)
            #expect(try await db.worker("w1", pool: pool).processNext() == run)
            let row = try admin.query("SELECT status, error, inputs::text AS inputs FROM app.assessment_runs WHERE id = \(run)")[0]
            #expect(try row.decode("status", as: String.self) == "failed")
            #expect(try row.decode("error", as: String?.self)?.contains("positive sum") == true)
            #expect(try row.decode("inputs", as: String?.self) == nil)
            #expect(try admin.query("SELECT count(*) AS n FROM app.assessment_results WHERE run_id = \(run)")[0].decode("n", as: Int.self) == 0)
            await pool.shutdown()
        }
    }

    /// A run's results each have one history row, written per statement (0102) in the form of every
    /// other insert's (`{"column": {"new": value}}`), and the run finishes after its results are
    /// written (the clock at the end, not the writing transaction's start).
    @Test func resultsHaveTheirHistoryAndTheRunFinishesAfterWritingThem() async throws {
        try await TestDatabase.with { db in
            let admin = try db.connect()
            _ = try County.create(on: admin)
            let pool = db.makePool()
            let run = try County.queue(.q1, on: admin)
            #expect(try await db.worker("w1", pool: pool).processNext() == run)
            for table in ["assessment_results", "assessment_indicator_results"] {
                let check = try admin.query("""
                    SELECT count(DISTINCT r.id) AS rows, count(*) AS joined,
                           count(*) FILTER (WHERE h.action = 'insert' AND h.row_id = r.id AND h.row_key = r.id::text AND h.project_id IS NULL
                                              AND h.changes = (SELECT jsonb_object_agg(e.key, jsonb_build_object('new', e.value))
                                                                 FROM jsonb_each(to_jsonb(r)) e)) AS matching,
                           bool_and(f.finished_at > r.created_at AND f.finished_at > f.started_at) AS finished_after
                      FROM app.\(unsafeSQL: table) r
                      JOIN app.assessment_runs f ON f.id = r.run_id
                      LEFT JOIN app.history h ON h.table_name = \(table) AND h.row_id = r.id
                     WHERE r.run_id = \(run)
                    """)[0]
                let rows: Int = try check.decode("rows")
                #expect(rows > 0, "\(table)")
                #expect(try check.decode("joined", as: Int.self) == rows, "\(table): one history row per result")
                #expect(try check.decode("matching", as: Int.self) == rows, "\(table): one history row each, as tg_history writes it")
                #expect(try check.decode("finished_after", as: Bool.self), "\(table)")
            }
            await pool.shutdown()
        }
    }

    func storedInputs(_ run: Int64, on connection: Connection) throws -> RunInputs {
        let text: String = try connection.query("SELECT inputs::text AS inputs FROM app.assessment_runs WHERE id = \(run)")[0]
            .decode("inputs")
        return try JSONDecoder().decode(RunInputs.self, from: Data(text.utf8))
    }

    /// Rule 9: the stored inputs, scored again, give exactly the stored results.
    func expectReproducible(_ run: Int64, on connection: Connection) throws {
        let inputs = try storedInputs(run, on: connection)
        let again = RankingGroups(Scoring.assess(inputs.input))
        #expect(again == (try County.results(run, inputs.input.period, on: connection)))
    }
}
