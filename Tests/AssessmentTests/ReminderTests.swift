import Assessment
import Campaign
import Foundation
import Postgres
import Store
import Testing
import TestSupport

/// The worker's reminder scan on the hand-computed county (`County`): P6 (D1, led by DEP1, under
/// way since 2025) never reports; P1 reports every month. A problem of P1 assigned to DEP2 was
/// due on 20 April; P6 has a 2026 plan of 100 a month. With the default deadline day 5:
/// - 3 May (April's reports due on 5 May; reminders from 2 May): report_due for P6 to D1;
///   problem_overdue to DEP2; and, 13 days past due, the problem is escalated and the county
///   told (督办).
/// - 6 May (deadline passed): report_late for P6 to D1 and DEP1; behind_plan for P6 (0 of 400
///   planned to April) to D1 and DEP1.
@Suite struct ReminderTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    /// The county plus the problem and the plan above.
    static func setUp(_ db: TestDatabase) throws -> (Connection, County) {
        let admin = try db.connect()
        let county = try County.create(on: admin)
        try admin.execute("""
            INSERT INTO app.problems (project_id, kind, description, department_id, due_on)
            VALUES (\(county["P1"]), 'land', '用地指标未落实', \(county["DEP2"]), '2026-04-20')
            """)
        try admin.execute("""
            INSERT INTO app.investment_plans (project_id, year, annual_investment, monthly)
            VALUES (\(county["P6"]), 2026, 1200, array[100,100,100,100,100,100,100,100,100,100,100,100]::numeric[])
            """)
        return (admin, county)
    }

    func worker(_ db: TestDatabase, pool: ConnectionPool, name: String, today: String) -> AssessmentWorker {
        let date = Self.day(today)
        return AssessmentWorker(
            database: Database(pool: pool), options: .init(name: name, today: { date }), logger: .init(label: "test.reminders"))
    }

    /// `agency code kind` of every notification, sorted.
    static func notifications(_ connection: Connection) throws -> [String] {
        try connection.query("""
            SELECT a.code || ' ' || n.kind || ' ' || p.code AS line
              FROM app.notifications n JOIN app.agencies a ON a.id = n.agency_id
              LEFT JOIN app.problems x ON n.subject_type = 'problem' AND x.id = n.subject_id
              JOIN app.projects p ON p.id = coalesce(x.project_id, n.subject_id)
             ORDER BY 1
            """).map { try $0.decode("line", as: String.self) }
    }

    /// The words of the first notification of `kind`, as the server serves them in `language`.
    static func words(_ connection: Connection, _ kind: NotificationKind, _ language: Language = .zh) throws -> (title: String, body: String) {
        let row = try connection.query("SELECT arguments::text AS arguments FROM app.notifications WHERE kind = \(kind.rawValue) ORDER BY id LIMIT 1")[0]
        let words = NotificationWords(kind, StoredFacts.decode(try row.decode("arguments")))
        return (words.title(language), words.body(language))
    }

    @Test func eachReminderIsCreatedOnceOnItsDay() async throws {
        try await TestDatabase.with { db in
            // setup
            let (admin, county) = try Self.setUp(db)
            let pool = db.makePool()
            // MUT: 3 May, twice
            let first = try await worker(db, pool: pool, name: "a", today: "2026-05-03").scanReminders()
            let again = try await worker(db, pool: pool, name: "a", today: "2026-05-03").scanReminders()
            // validation
            #expect(first.created[.reportDue] == 1 && first.created[.problemOverdue] == 1 && first.created[.problemEscalated] == 1)
            #expect(first.total == 3 && first.escalated == 1)
            #expect(again.total == 0 && again.escalated == 0)
            #expect(try Self.notifications(admin) == ["CTY problem_escalated P1", "D1 report_due P6", "DEP2 problem_overdue P1"])
            let status: String = try admin.query("SELECT status FROM app.problems WHERE project_id = \(county["P1"])")[0].decode("status")
            #expect(status == "escalated")
            // in Chinese, with the project's code and name
            let month: String = try admin.query("SELECT to_char(month, 'YYYY-MM') AS month FROM app.notifications WHERE kind = 'report_due'")[0].decode("month")
            #expect(try Self.words(admin, .reportDue).title == "【月报提醒】P6 P6 name：2026年4月月报请于 2026年5月5日 前报送")
            #expect(month == "2026-04")
            let escalated = try Self.words(admin, .problemEscalated).body
            #expect(escalated.contains("用地指标未落实") && escalated.contains("DEP2 name"))
            // 6 May: late and behind plan, once
            let sixth = try await worker(db, pool: pool, name: "a", today: "2026-05-06").scanReminders()
            #expect(sixth.created[.reportLate] == 2 && sixth.created[.behindPlan] == 2 && sixth.total == 4)
            #expect(try await worker(db, pool: pool, name: "a", today: "2026-05-07").scanReminders().total == 0)
            let behind = try Self.words(admin, .behindPlan).body
            #expect(behind == "截至 2026年4月，累计完成投资 0.00 万元，为计划 400.00 万元的 0.0%。")
            #expect(try Self.notifications(admin).filter { $0.hasPrefix("D1") || $0.hasPrefix("DEP1") } == [
                "D1 behind_plan P6", "D1 report_due P6", "D1 report_late P6", "DEP1 behind_plan P6", "DEP1 report_late P6",
            ])
            await pool.shutdown()
        }
    }

    /// Two workers scanning at once create each notification once between them.
    @Test func twoWorkersRacingCreateEachOnce() async throws {
        try await TestDatabase.with { db in
            let (admin, _) = try Self.setUp(db)
            let (poolA, poolB) = (db.makePool(), db.makePool())
            let a = worker(db, pool: poolA, name: "a", today: "2026-05-06")
            let b = worker(db, pool: poolB, name: "b", today: "2026-05-06")
            async let fromA = a.scanReminders()
            async let fromB = b.scanReminders()
            let (outcomeA, outcomeB) = try await (fromA, fromB)
            // late 2 + behind 2 + overdue 1 + escalated 1
            #expect(outcomeA.total + outcomeB.total == 6)
            #expect(outcomeA.escalated + outcomeB.escalated == 1)
            let count: Int = try admin.query("SELECT count(*)::int AS n FROM app.notifications")[0].decode("n")
            #expect(count == 6)
            await poolA.shutdown()
            await poolB.shutdown()
        }
    }

    /// A worker killed in the middle of a scan (its connection gone before the commit) leaves
    /// nothing; the next scan creates everything, once.
    @Test func aScanKilledHalfWayLeavesNothingAndTheNextDoesItAll() async throws {
        try await TestDatabase.with { db in
            let (admin, _) = try Self.setUp(db)
            let doomed = try db.connect()
            try doomed.execute("BEGIN")
            try doomed.execute("SELECT set_config('role', 'projectyear_worker', true)")
            let partial = try ReminderQueries.scan(
                .init(today: Self.day("2026-05-06"), deadlineDay: 5, behindBelow: PlanDefaults.behindRatio), on: doomed)
            #expect(partial.total == 6)
            doomed.close()  // as a killed process: no COMMIT
            #expect(try Self.notifications(admin).isEmpty)
            let pool = db.makePool()
            #expect(try await worker(db, pool: pool, name: "next", today: "2026-05-06").scanReminders().total == 6)
            #expect(try await worker(db, pool: pool, name: "next", today: "2026-05-06").scanReminders().total == 0)
            #expect(try Self.notifications(admin).count == 6)
            await pool.shutdown()
        }
    }
}
