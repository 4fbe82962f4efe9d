import Campaign
import Demo
import Foundation
import Postgres
import Testing
import TestSupport

/// The demo county obeys 情况说明 (DOMAIN.md): every report far from its month's plan explains why.
@Suite struct DemoExplanationTests {
    @Test func everyUnusualDemoReportCarriesAnExplanation() async throws {
        try await TestDatabase.with { database in
            // setup
            let connection = try database.connect()
            // MUT
            try DemoLoader.loadSeed(connection, year: 2026, today: afterTheYear, passwords: testPasswords)
            // validate
            let rows = try connection.query("""
                SELECT r.investment_completed, r.explanation, pl.monthly[date_part('month', r.month)::int] AS planned
                  FROM app.monthly_reports r
                  JOIN app.investment_plans pl ON pl.project_id = r.project_id AND pl.year = date_part('year', r.month)::int
                """)
            var unusual = 0
            for row in rows.rows {
                let amount: Decimal = try row.decode("investment_completed")
                let planned: Decimal? = try row.decode("planned")
                let explanation: String = try row.decode("explanation")
                #expect(!ExplanationRule.default.refuses(amount: amount, plan: planned, explanation: explanation))
                if ExplanationRule.default.isUnusual(amount: amount, plan: planned) { unusual += 1 }
            }
            #expect(unusual > 0)
        }
    }
}
