import Campaign
import Postgres
import Store
import TestSupport

/// The access matrix of the daily work's tables (plans, review, notifications): like the rest,
/// one expectation per actor, so every policy of these tables is noticed when it goes missing.
extension Matrix {
    static let plans = ["PL1": "P1", "PL3": "P3"]

    var dailyWorkReads: [Read] {
        [
            Read(name: "investment_plans", sql: "SELECT id FROM app.investment_plans", labels: "investment_plans",
                 expect: Self.following(Self.plans)),
            // an agency's own notifications only, the county included; reads are each user's own
            Read(name: "notifications", sql: "SELECT id FROM app.notifications", labels: "notifications",
                 expect: { ["CTY": "N-CTY", "D1": "N-D1 N-PUB-D1", "DRC": "N-DRC N-PUB-DRC"][$0.code] ?? "" }),
            Read(name: "notification_reads", sql: "SELECT id FROM app.notification_reads", labels: "notification_reads",
                 expect: { $0.code == "D1" && $0.role == .editor ? "NR-D1" : "" }),
        ]
    }

    /// The worker reads nobody's read state; it reads every notification (it writes them with
    /// ON CONFLICT DO NOTHING, which needs that).
    static let workerUnreadable = ["notification_reads"]
    static let workerReadsAll = ["notifications": "N-CTY N-D1 N-DRC N-PUB-D1 N-PUB-DRC"]

    var dailyWorkAnalystReads: [Read] {
        [
            Read(name: "reporting.plan_progress", sql: "SELECT DISTINCT plan_id FROM reporting.plan_progress", labels: "investment_plans",
                 expect: Self.following(Self.plans)),
        ]
    }

    var dailyWorkWrites: [Write] {
        let w = world
        func q(_ query: Query) -> (Actor) -> [Query] { { _ in [query] } }
        let twelve = "array[1,1,1,1,1,1,1,1,1,1,1,1]::numeric[]"
        return [
            // plans: like monthly reports, the project's district and the county
            Write(name: "insert plan of P1",
                  sql: q("INSERT INTO app.investment_plans (project_id, year, annual_investment, monthly) VALUES (\(w.id("P1")), 2025, 12, \(unsafeSQL: twelve))"),
                  expect: Self.insert(Self.writer("D1"))),
            Write(name: "insert plan of P3",
                  sql: q("INSERT INTO app.investment_plans (project_id, year, annual_investment, monthly) VALUES (\(w.id("P3")), 2025, 12, \(unsafeSQL: twelve))"),
                  expect: Self.insert(Self.writer("D2"))),
            Write(name: "update PL1", sql: q("UPDATE app.investment_plans SET annual_investment = 12, monthly = \(unsafeSQL: twelve) WHERE id = \(w.id("PL1"))"),
                  expect: Self.change(Self.writer("D1"))),
            Write(name: "plan months off the annual amount",
                  sql: q("UPDATE app.investment_plans SET annual_investment = 13 WHERE id = \(w.id("PL1"))"),
                  expect: { a in Self.writer("D1")(a) ? "23514 investment_plans_monthly_sum" : "ok 0" }),
            Write(name: "delete PL1", sql: q("DELETE FROM app.investment_plans WHERE id = \(w.id("PL1"))"),
                  expect: Self.change(Self.writer("D1"))),
            // review: county editors and the lead department's (DRC for P1, IIT for P5); R5 is approved
            Write(name: "approve R1", sql: q("UPDATE app.monthly_reports SET status = 'approved' WHERE id = \(w.id("R1"))"),
                  expect: { a in Self.writer("DRC")(a) ? "ok 1" : Self.writer("D1")(a) ? Self.denied : "ok 0" }),
            Write(name: "return R1 without a comment", sql: q("UPDATE app.monthly_reports SET status = 'returned' WHERE id = \(w.id("R1"))"),
                  expect: { a in Self.writer("DRC")(a) ? "23514 monthly_reports_returned_comment" : Self.writer("D1")(a) ? Self.denied : "ok 0" }),
            Write(name: "return R1", sql: q("UPDATE app.monthly_reports SET status = 'returned', review_comment = '请核实' WHERE id = \(w.id("R1"))"),
                  expect: { a in Self.writer("DRC")(a) ? "ok 1" : Self.writer("D1")(a) ? Self.denied : "ok 0" }),
            Write(name: "reopen R5", sql: q("UPDATE app.monthly_reports SET status = 'submitted' WHERE id = \(w.id("R5"))"),
                  expect: { a in
                      Self.countyWriter(a) ? "ok 1" : Self.writer("IIT")(a) ? "55000 monthly_reports_review_transition"
                          : Self.writer("D1")(a) ? Self.denied : "ok 0"
                  }),
            Write(name: "replace approved R5", sql: q("UPDATE app.monthly_reports SET investment_completed = 1 WHERE id = \(w.id("R5"))"),
                  expect: { a in
                      Self.countyWriter(a) ? "ok 1" : Self.writer("D1")(a) ? "55000 monthly_reports_approved_locked"
                          : Self.writer("IIT")(a) ? Self.denied : "ok 0"
                  }),
            // notifications: read state, each user's own, of the own agency's notifications
            Write(name: "mark N-D1 read", sql: { a in
                ["INSERT INTO app.notification_reads (notification_id, user_id) VALUES (\(w.id("N-D1")), \(a.userID)) ON CONFLICT DO NOTHING"]
            }, expect: { a in a.code == "D1" ? (a.role == .editor ? "ok 0" : "ok 1") : Self.denied }),
            Write(name: "mark N-D1 read for d1-viewer", sql: q("""
                  INSERT INTO app.notification_reads (notification_id, user_id) VALUES (\(w.id("N-D1")), \(w.userIDs["d1-viewer"]!))
                  """), expect: { a in a.code == "D1" && a.role == .viewer ? "ok 1" : Self.denied }),
            Write(name: "insert a notification", sql: q("""
                  INSERT INTO app.notifications (agency_id, kind, arguments, subject_type, subject_id) VALUES (\(w.ag("D1")), 'report_due', '{}', 'project', 1)
                  """), expect: { _ in Self.denied }),
            // publishing tells every agency with a result (D1, DRC), through the definer (RUN-PUB told them already)
            Write(name: "publish the draft, telling its agencies", sql: { _ in [
                "UPDATE app.assessment_runs SET status = 'published' WHERE id = \(w.id("RUN-DRAFT"))", "RESET ROLE",
                "SELECT count(*)::text FROM app.notifications WHERE kind = 'assessment_published'",
            ] }, expect: { a in Self.countyWriter(a) ? "ok 1 4" : "ok 1 2" }),
            Write(name: "report inserted as approved", sql: q("""
                  INSERT INTO app.monthly_reports (project_id, month, status) VALUES (\(w.id("P1")), '2024-03-01', 'approved') RETURNING status
                  """), expect: { a in Self.writer("D1")(a) ? "ok 1 submitted" : Self.denied }),
        ]
    }
}

extension Matrix {
    /// The worker's reminder scan: it inserts notifications and escalates overdue problems.
    var dailyWorkWorkerWrites: [Write] {
        let w = world
        func q(_ query: Query) -> (Actor) -> [Query] { { _ in [query] } }
        return [
            Write(name: "worker inserts a notification", sql: q("""
                  INSERT INTO app.notifications (agency_id, kind, arguments, subject_type, subject_id, period)
                  VALUES (\(w.ag("D1")), 'report_due', '{}', 'project', 1, 'worker')
                  """), expect: { _ in "ok 1" }),
            Write(name: "worker escalates X4", sql: q("UPDATE app.problems SET status = 'escalated' WHERE id = \(w.id("X4"))"),
                  expect: { _ in "ok 1" }),
            Write(name: "worker resolves X4", sql: q("UPDATE app.problems SET status = 'resolved', resolved_on = '2024-07-01' WHERE id = \(w.id("X4"))"),
                  expect: { _ in Self.denied }),
            Write(name: "worker changes a plan", sql: q("UPDATE app.investment_plans SET annual_investment = annual_investment"),
                  expect: { _ in Self.denied }),
        ]
    }
}

extension World {
    /// The daily work's rows: plans PL1 (P1) and PL3 (P3) of 2024; report R5 approved;
    /// notifications N-CTY, N-D1, N-DRC of those agencies, N-D1 read by d1-editor (NR-D1).
    mutating func seedDailyWork(on connection: Connection) throws {
        for code in ["CTY", "D1", "DRC"] {
            let id: Int64 = try connection.query("""
                INSERT INTO app.notifications (agency_id, kind, arguments, subject_type, subject_id)
                VALUES (\(ag(code)), 'report_due', jsonb_build_object('name', \("to " + code)::text), 'project', \(self.id("P1"))) RETURNING id
                """)[0].decode("id")
            ids["N-" + code] = id
            labels["notifications:\(id)"] = "N-" + code
        }
        // publishing RUN-PUB (World.seed) told the agencies with a result in it
        for row in try connection.query("""
            SELECT n.id, a.code FROM app.notifications n JOIN app.agencies a ON a.id = n.agency_id WHERE n.kind = 'assessment_published'
            """).rows {
            let (id, code): (Int64, String) = (try row.decode("id"), try row.decode("code"))
            ids["N-PUB-" + code] = id
            labels["notifications:\(id)"] = "N-PUB-" + code
        }
        let read: Int64 = try connection.query("""
            INSERT INTO app.notification_reads (notification_id, user_id) VALUES (\(self.id("N-D1")), \(userIDs["d1-editor"]!)) RETURNING id
            """)[0].decode("id")
        ids["NR-D1"] = read
        labels["notification_reads:\(read)"] = "NR-D1"
        try connection.execute("UPDATE app.monthly_reports SET status = 'approved' WHERE id = \(self.id("R5"))")
        for (label, project) in [("PL1", "P1"), ("PL3", "P3")] {
            let id: Int64 = try connection.query("""
                INSERT INTO app.investment_plans (project_id, year, annual_investment, monthly)
                VALUES (\(self.id(project)), 2024, 120, array[10,10,10,10,10,10,10,10,10,10,10,10]::numeric[]) RETURNING id
                """)[0].decode("id")
            ids[label] = id
            labels["investment_plans:\(id)"] = label
        }
    }
}
