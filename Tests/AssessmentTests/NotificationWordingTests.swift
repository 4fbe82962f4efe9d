import Assessment
import Campaign
import Foundation
import Postgres
import Store
import Testing
import TestSupport

/// Every kind of notification, produced by the scan and the triggers on the reminder county, stored
/// as its kind and arguments and worded through the catalogue (`NotificationWords`) in both
/// languages, then linted as a clerk reads it.
@Suite struct NotificationWordingTests {
    /// The reminders' county with a returned report whose comment ends its own sentence, a
    /// published assessment, an issued bulletin, and a commissioner and leader for P1 told of a
    /// new problem: every kind of notification.
    static func everyKind(_ db: TestDatabase) async throws -> Connection {
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
            VALUES (\(run), \(county["D1"]), 'district', 1091.456, 1091.46, 1), (\(run), \(county["DEP1"]), 'department', null, null, null)
            """)
        try admin.execute("UPDATE app.assessment_runs SET status = 'published', published_at = now() WHERE id = \(run)")
        let bulletin: Int64 = try admin.query("""
            INSERT INTO app.bulletins (kind, month, cut_off, title, figures)
            VALUES ('monthly', '2026-04-01', '2026-04-30', '2026年4月项目建设年工作通报', '{}') RETURNING id
            """)[0].decode("id")
        try admin.execute("""
            UPDATE app.bulletins SET status = 'issued', year = 2026, serial = 3, number = '余发改通〔2026〕3号', issued_at = now()
             WHERE id = \(bulletin)
            """)
        for (agency, name) in [("CTY", "张县长"), ("DEP1", "李专员")] {
            try admin.execute("""
                INSERT INTO app.users (agency_id, username, display_name, role, password_hash)
                VALUES (\(county[agency]), \("u-" + agency.lowercased()), \(name), 'editor', 'x')
                """)
        }
        try admin.execute("""
            INSERT INTO app.project_service (project_id, leader_user_id, commissioner_user_id)
            SELECT \(county["P1"]), (SELECT id FROM app.users WHERE username = 'u-cty'), (SELECT id FROM app.users WHERE username = 'u-dep1')
            """)
        try admin.execute("""
            INSERT INTO app.problems (project_id, kind, description, department_id, due_on)
            VALUES (\(county["P1"]), 'funding', '配套资金未到位', \(county["DEP2"]), '2026-06-30')
            """)
        let pool = db.makePool()
        let worker = ReminderTests()
        _ = try await worker.worker(db, pool: pool, name: "a", today: "2026-05-03").scanReminders()
        _ = try await worker.worker(db, pool: pool, name: "a", today: "2026-05-06").scanReminders()
        await pool.shutdown()
        return admin
    }

    /// Each stored notification's words in `language`, with its kind.
    static func worded(_ connection: Connection, _ language: Language) throws -> [(kind: NotificationKind, title: String, body: String)] {
        try connection.query("SELECT kind, arguments::text AS arguments FROM app.notifications ORDER BY id").map { row in
            let words = NotificationWords(try row.decode("kind"), StoredFacts.decode(try row.decode("arguments")))
            return (words.kind, words.title(language), words.body(language))
        }
    }

    @Test(arguments: Language.allCases)
    func everyKindReadsAsCountyStaffWriteIt(language: Language) async throws {
        try await TestDatabase.with { db in
            // setup
            let admin = try await Self.everyKind(db)
            // MUT
            let notifications = try Self.worded(admin, language)
            // validate
            #expect(Set(notifications.map(\.kind)) == Set(NotificationKind.allCases))
            for (kind, title, body) in notifications {
                for text in [title, body] {
                    #expect(TextLint.problems(text).isEmpty, "\(kind): \(text) — \(TextLint.problems(text))")
                    #expect(!text.contains("{"), "\(kind): \(text) has an unfilled placeholder")
                }
            }
        }
    }

    @Test func theWordsAreChineseByDefaultAndEnglishOnRequest() async throws {
        try await TestDatabase.with { db in
            // setup
            let admin = try await Self.everyKind(db)
            // MUT
            let chinese = try Self.worded(admin, .zh)
            let english = try Self.worded(admin, .en)
            // validate
            let returned = try #require(chinese.first { $0.kind == .reportReturned })
            #expect(returned.body == "退回意见：请补充原因。请修改后重新报送。")
            let published = try #require(chinese.first { $0.kind == .assessmentPublished && $0.body.contains("得分 1,091.46") })
            #expect(published.title == "2026年第一季度考核结果已发布" && published.body == "本单位得分 1,091.46，排名第 1 名。")
            let raised = try #require(chinese.first { $0.kind == .problemRaised })
            #expect(raised.body == "内容：“配套资金未到位”，办结期限 2026年6月30日。")
            let escalated = try #require(chinese.first { $0.kind == .problemEscalated })
            #expect(escalated.title.hasSuffix("提交领导小组督办（包保县领导：张县长）"))
            let behind = try #require(english.first { $0.kind == .behindPlan })
            #expect(behind.body == "By the end of 2026-04, 0.00 (10,000 yuan) is completed: 0.0% of the planned 400.00.")
            for (zh, en) in zip(chinese, english) {
                #expect(zh.title != en.title && zh.body != en.body, "\(zh.kind)")
            }
        }
    }
}
