@testable import Assessment
import Campaign
import Foundation
import Postgres
import Store
import TestSupport
import Testing

/// Several workers, leases and take-overs: each run is computed exactly once.
@Suite struct WorkerConcurrencyTests {
    /// Result rows ever inserted for a run, counted from the append-only history.
    static func insertsRecorded(_ run: Int64, on connection: Connection) throws -> Int {
        try connection.query("""
            SELECT count(*) AS n FROM app.history
             WHERE table_name = 'assessment_results' AND action = 'insert' AND (changes -> 'run_id' ->> 'new')::bigint = \(run)
            """)[0].decode("n")
    }

    static func claimedBy(_ run: Int64, on connection: Connection) throws -> String? {
        try connection.query("SELECT claimed_by FROM app.assessment_runs WHERE id = \(run)")[0].decode("claimed_by")
    }

    /// A worker claims a run and dies (no heartbeat): while its lease lives nobody else takes the
    /// run; once it expired a second worker finishes it; the dead one can no longer write it.
    @Test func expiredLeaseIsTakenOverAndFinishedOnce() async throws {
        try await TestDatabase.with { db in
            let admin = try db.connect()
            _ = try County.create(on: admin)
            let pool = db.makePool()
            let database = Database(pool: pool)
            let run = try County.queue(.q1, on: admin)
            // setup: the dead worker's claim, and what it computed before it died
            let dead = db.worker("dead", pool: pool)
            let claim = try await database.transaction(role: .worker) {
                try RunClaimQueries.claim(worker: "dead", lease: .seconds(60), on: $0)
            }
            #expect(claim?.id == run)
            let inputs = try await dead.gather(try #require(claim))
            let second = db.worker("second", pool: pool)
            #expect(try await second.processNext() == nil, "a live lease is not taken over")
            #expect(try County.status(run, on: admin) == "running")

            // MUT: the lease runs out; the second worker takes the run over
            try admin.execute("UPDATE app.assessment_runs SET lease_expires_at = now() - interval '1 second' WHERE id = \(run)")
            let takeover = try await database.transaction(role: .worker) {
                try RunClaimQueries.claim(worker: "second", lease: .seconds(60), on: $0)
            }
            #expect(takeover == claim)

            // validation: the dead worker comes back too late and can change nothing
            #expect(try await dead.finish(claim!, outcome: Scoring.assess(inputs.input), inputs: inputs) == false)
            let lost = try await database.transaction(role: .worker) { connection in
                (try RunClaimQueries.heartbeat(run: run, worker: "dead", lease: .seconds(60), on: connection),
                 try RunClaimQueries.fail(run: run, worker: "dead", reason: "late", on: connection))
            }
            #expect(lost == (false, false))
            #expect(try County.status(run, on: admin) == "running")
            #expect(try Self.insertsRecorded(run, on: admin) == 0)
            try await second.compute(try #require(takeover), logger: second.logger)
            #expect(try Self.claimedBy(run, on: admin) == "second")
            #expect(try County.status(run, on: admin) == "done")
            #expect(try Self.insertsRecorded(run, on: admin) == 5)
            #expect(try await second.processNext() == nil)
            await pool.shutdown()
        }
    }

    /// Two workers on separate pools drain a queue together: every run is computed by exactly
    /// one of them.
    @Test func racingWorkersNeverComputeTheSameRun() async throws {
        try await TestDatabase.with { db in
            let admin = try db.connect()
            _ = try County.create(on: admin)
            var queued: [Int64] = []
            for period in Period.allCases + Period.allCases { queued.append(try County.queue(period, on: admin)) }
            let pools = [db.makePool(), db.makePool()]

            // MUT
            let done = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for (index, pool) in pools.enumerated() {
                    let worker = db.worker("racer\(index)", pool: pool)
                    group.addTask {
                        var mine: [Int64] = []
                        while let run = try await worker.processNext() { mine.append(run) }
                        return mine
                    }
                }
                var all: [[Int64]] = []
                for try await mine in group { all.append(mine) }
                return all
            }

            // validation
            #expect(Set(done[0]).isDisjoint(with: done[1]))
            #expect((done[0] + done[1]).sorted() == queued)
            for run in queued {
                #expect(try County.status(run, on: admin) == "done")
                #expect(try Self.insertsRecorded(run, on: admin) == 5)
            }
            for pool in pools { await pool.shutdown() }
        }
    }

    /// A queued run wakes a waiting worker through NOTIFY long before its poll interval.
    @Test func notificationWakesTheWorker() async throws {
        try await TestDatabase.with { db in
            let admin = try db.connect()
            _ = try County.create(on: admin)
            let pool = db.makePool()
            let worker = db.worker("listener", pool: pool, poll: .seconds(120))
            let service = Task { try await worker.run() }
            // the worker listens (its LISTEN is its connection's last statement): on a loaded
            // machine that can take longer than any fixed sleep, and a NOTIFY before it is lost
            let clock = ContinuousClock()
            let listening = clock.now.advanced(by: .seconds(60))
            while try admin.query("""
                SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'
                """)[0].decode("n", as: Int.self) == 0, clock.now < listening {
                try await Task.sleep(for: .milliseconds(100))
            }

            // MUT
            let run = try County.queue(.q1, on: admin)

            // validation
            let deadline = clock.now.advanced(by: .seconds(20))
            while try County.status(run, on: admin) != "done", clock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(try County.status(run, on: admin) == "done")
            service.cancel()
            _ = try? await service.value
            await pool.shutdown()
        }
    }

    /// The calendar queues a quarter's run from the day after its reports are due, once.
    @Test func scheduleQueuesDueRunsOnce() async throws {
        let items = AssessmentSchedule.due(today: CalendarDate("2026-04-06")!, deadlineDay: { _ in 5 })
        #expect(items.map(\.period) == [.year, .q4, .q1])
        #expect(AssessmentSchedule.due(today: CalendarDate("2026-04-05")!, deadlineDay: { _ in 5 }).map(\.period) == [.year, .q4])
        #expect(AssessmentSchedule.due(today: CalendarDate("2026-01-04")!, deadlineDay: { _ in 5 }).isEmpty)
        #expect(AssessmentSchedule.due(today: CalendarDate("2026-01-05")!, deadlineDay: { _ in 5 }).map(\.period) == [.year])
        try await TestDatabase.with { db in
            let admin = try db.connect()
            _ = try County.create(on: admin)
            let pool = db.makePool()
            let database = Database(pool: pool)
            func queue(_ today: String) async throws -> [AssessmentSchedule.Item] {
                try await database.transaction(role: .worker) {
                    try AssessmentSchedule.queueDue(today: CalendarDate(today)!, defaultScheme: .default, on: $0)
                }
            }
            // 2025 has no targets: its year and Q4 runs are not queued.
            #expect(try await queue("2026-04-05").isEmpty)
            #expect(try await queue("2026-04-06").map(\.period) == [.q1])
            #expect(try await queue("2026-04-06").isEmpty)
            #expect(try await queue("2026-07-06").map(\.period) == [.q2])
            let count: Int = try admin.query("SELECT count(*) AS n FROM app.assessment_runs")[0].decode("n")
            #expect(count == 2)
            await pool.shutdown()
        }
    }
}
