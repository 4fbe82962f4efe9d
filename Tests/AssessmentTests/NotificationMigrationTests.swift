import Campaign
import Foundation
import Postgres
import Store
import Testing
import TestSupport

/// Migration 0090: notifications written with their words in SQL keep their facts once they store
/// their kind and arguments, and read as the catalogue words them.
@Suite struct NotificationMigrationTests {
    @Test func wordsWrittenBeforeArgumentsKeepTheirFactsAfterwards() async throws {
        try await TestDatabase.withEmpty { db in
            // setup: the schema before 0090, the reminders' county and notifications as 0061 and
            // the reminder scan wrote them
            let all = try Migrator(folder: TestDatabase.migrationsFolder)
            let admin = try db.connect()
            _ = try Migrator(migrations: all.migrations.filter { $0.version < 90 }).migrate(admin)
            let county = try County.create(on: admin)
            let report: Int64 = try admin.query("""
                SELECT id FROM app.monthly_reports WHERE project_id = \(county["P1"]) AND month = '2026-04-01'
                """)[0].decode("id")
            // each as 0061 wrote it, then as the catalogue words it now (two wordings changed since:
            // no space between a name and 的 or 尚未, and a returned report's title marked like the others)
            let old: [(kind: String, subject: String, id: Int64, title: String, body: String, reads: (title: String, body: String))] = [
                ("report_due", "project", county["P6"], "【月报提醒】P6 P6 name：2026年4月月报请于 2026年5月5日 前报送",
                 "项目 P6 P6 name 尚未报送 2026年4月月度进展，报送截止日为 2026年5月5日。",
                 ("【月报提醒】P6 P6 name：2026年4月月报请于 2026年5月5日 前报送", "项目 P6 P6 name尚未报送 2026年4月月度进展，报送截止日为 2026年5月5日。")),
                ("behind_plan", "project", county["P6"], "【计划预警】P6 P6 name：投资完成滞后于年度计划",
                 "截至 2026年4月，累计完成投资 1,200.50 万元，为计划 4,000.00 万元的 30.0%。",
                 ("【计划预警】P6 P6 name：投资完成滞后于年度计划", "截至 2026年4月，累计完成投资 1,200.50 万元，为计划 4,000.00 万元的 30.0%。")),
                ("report_returned", "report", report, "P1 P1 name 的 2026年4月月报被退回", "退回意见：请补充原因。请修改后重新报送。",
                 ("【月报退回】P1 P1 name：2026年4月月报被退回", "退回意见：请补充原因。请修改后重新报送。")),
            ]
            for row in old {
                try admin.execute("""
                    INSERT INTO app.notifications (agency_id, kind, title, body, subject_type, subject_id, month, period)
                    VALUES (\(county["D1"]), \(row.kind), \(row.title), \(row.body), \(row.subject), \(row.id), '2026-04-01', '2026-04')
                    """)
            }
            // MUT
            _ = try all.migrate(admin)
            // validate
            let rows = try admin.query("SELECT kind, arguments::text AS arguments FROM app.notifications ORDER BY id")
            for (row, before) in zip(rows.rows, old) {
                let words = NotificationWords(try row.decode("kind"), StoredFacts.decode(try row.decode("arguments")))
                #expect(words.title(.zh) == before.reads.title && words.body(.zh) == before.reads.body)
                #expect(words.body(.en) != before.body, "\(before.kind) is worded from its arguments, in English too")
            }
        }
    }
}
