import Assessment
import Campaign
import Foundation
import Postgres
import Store
import Testing
import TestSupport

/// Every kind of notification, rendered on the reminder county and linted as a clerk reads it.
@Suite struct NotificationWordingTests {
    @Test func everyKindReadsAsCountyStaffWriteIt() async throws {
        try await TestDatabase.with { db in
            // setup: the reminders' county, a returned report whose comment ends its own sentence,
            // and a published assessment
            let (admin, county) = try ReminderTests.setUp(db)
            try admin.execute("""
                UPDATE app.monthly_reports SET status = 'returned', review_comment = '请补充原因。'
                 WHERE project_id = \(county["P1"]) AND month = '2026-04-01'
                """)
            let run: Int64 = try admin.query("""
                INSERT INTO app.assessment_runs (year, period, status, finished_at) VALUES (2026, 'Q1', 'done', now()) RETURNING id
                """)[0].decode("id")
            try admin.execute("""
                INSERT INTO app.assessment_results (run_id, agency_id, group_kind, score, score_rounded, rank)
                VALUES (\(run), \(county["D1"]), 'district', 91.456, 91.46, 1), (\(run), \(county["DEP1"]), 'department', null, null, null)
                """)
            try admin.execute("UPDATE app.assessment_runs SET status = 'published', published_at = now() WHERE id = \(run)")
            let pool = db.makePool()
            let worker = ReminderTests()
            // MUT
            _ = try await worker.worker(db, pool: pool, name: "a", today: "2026-05-03").scanReminders()
            _ = try await worker.worker(db, pool: pool, name: "a", today: "2026-05-06").scanReminders()
            await pool.shutdown()
            // validate
            let rows = try admin.query("SELECT kind, title, body FROM app.notifications ORDER BY id")
            let kinds = Set(try rows.map { try $0.decode("kind", as: String.self) })
            #expect(kinds == ["report_due", "report_late", "report_returned", "problem_overdue", "problem_escalated",
                              "behind_plan", "assessment_published"])
            for row in rows.rows {
                let kind: String = try row.decode("kind")
                for text in [try row.decode("title", as: String.self), try row.decode("body", as: String.self)] {
                    #expect(TextLint.problems(text).isEmpty, "\(kind): \(text) — \(TextLint.problems(text))")
                }
            }
            let returned: String = try admin.query("SELECT body FROM app.notifications WHERE kind = 'report_returned'")[0].decode("body")
            #expect(returned == "退回意见：请补充原因。请修改后重新报送。")
        }
    }
}
