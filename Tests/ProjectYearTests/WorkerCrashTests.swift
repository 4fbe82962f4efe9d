import Foundation
import Postgres
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A worker process killed with SIGKILL in the middle of a run leaves the run to another worker,
/// which finishes it exactly once.
@Suite struct WorkerCrashTests {
    @Test func killedWorkersRunIsFinishedOnceByAnother() async throws {
        try await TestDatabase.with { database in
            // setup: a district with a target, and a Q1 run whose results cannot be written yet
            let admin = try database.connect()
            let district: Int64 = try admin.query(
                "INSERT INTO app.agencies (code, name, kind) VALUES ('D1', '南明区', 'district') RETURNING id")[0].decode("id")
            try admin.execute("INSERT INTO app.agencies (code, name, kind) VALUES ('DRC', '发展改革局', 'department')")
            try admin.execute("INSERT INTO app.targets (year, agency_id, indicator, amount) VALUES (2026, \(district), 'fai', 100)")
            try admin.execute("INSERT INTO app.fai_statistics (agency_id, month, amount) VALUES (\(district), '2026-02-01', 30)")
            let locker = try database.connect()
            try locker.execute("BEGIN")
            try locker.execute("LOCK TABLE app.assessment_results IN ACCESS EXCLUSIVE MODE")
            let run: Int64 = try admin.query(
                "INSERT INTO app.assessment_runs (year, period) VALUES (2026, 'Q1') RETURNING id")[0].decode("id")
            let environment = ["DATABASE_URL": database.url(as: .worker), "WORKER_LEASE": "5", "WORKER_POLL": "1", "LOG_LEVEL": "error"]

            // MUT: the first worker claims the run and blocks writing its results; then it is killed
            let (first, _, _) = try ExecutableRunner.start(["worker"], environment: environment)
            try await waitUntil { try admin.query(
                "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )[0].decode("n", as: Int.self) > 0 }
            #expect(try status(run, admin) == "running")
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
            try locker.execute("ROLLBACK")
            let (second, _, _) = try ExecutableRunner.start(["worker"], environment: environment)
            defer { second.terminate() }
            try await waitUntil(seconds: 60) { try status(run, admin) == "done" }

            // validation: one set of results, inserted once, by the second worker
            let claimedBy: String = try admin.query("SELECT claimed_by FROM app.assessment_runs WHERE id = \(run)")[0].decode("claimed_by")
            #expect(!claimedBy.contains(":\(first.processIdentifier):"))
            let results: Int = try admin.query("SELECT count(*)::int AS n FROM app.assessment_results WHERE run_id = \(run)")[0].decode("n")
            #expect(results == 2)
            let inserts: Int = try admin.query(
                "SELECT count(*)::int AS n FROM app.history WHERE table_name = 'assessment_results' AND action = 'insert'")[0].decode("n")
            #expect(inserts == results)
        }
    }

    func status(_ run: Int64, _ connection: Connection) throws -> String {
        try connection.query("SELECT status FROM app.assessment_runs WHERE id = \(run)")[0].decode("status")
    }

    func waitUntil(seconds: Int = 30, _ condition: () throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while try !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("condition not met within \(seconds) s")
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
