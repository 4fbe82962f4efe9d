@testable import Postgres
import Synchronization
import Testing
import TestSupport

@Suite struct PoolTests {
    @Test func manyTasksOverFewConnections() async throws {
        try await TestDatabase.withEmpty { database in
            let pool = database.makePool(maxConnections: 4)
            let sum = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 1...200 {
                    group.addTask {
                        try await pool.withTransaction { connection in
                            try connection.query("SELECT \(n)::int + 0 * pg_backend_pid() AS n")[0].decode("n", as: Int.self)
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(sum == 200 * 201 / 2)
            #expect(pool.statistics.open <= 4)
            #expect(pool.statistics.inUse == 0)
            await pool.shutdown()
            #expect(pool.statistics == .init(open: 0, inUse: 0, waiting: 0), "the idle connections were closed")
        }
    }

    @Test func queuedWorkRunsInArrivalOrderOnTheConnectionThatFreesUp() async throws {
        try await TestDatabase.withEmpty { database in
            let pool = database.makePool(maxConnections: 1)
            let order = Recorded()
            // setup: the one connection is busy until the test lets go; five units of work queue
            // behind it, one by one
            let gate = try Gate(database, key: 5)
            let holding = Task { try await pool.withConnection { try gate.pass($0) } }
            while pool.statistics.inUse == 0 { try await Task.sleep(for: .milliseconds(5)) }
            let backends = try await withThrowingTaskGroup(of: Int32.self) { group in
                for n in 1...5 {
                    group.addTask {
                        try await pool.withConnection { connection in
                            order.values.withLock { $0.append(n) }
                            return try Self.backendPID(connection)
                        }
                    }
                    while pool.statistics.waiting < n { try await Task.sleep(for: .milliseconds(2)) }
                }
                // MUT: the busy connection frees up
                try gate.open()
                _ = try await holding.value
                return try await group.reduce(into: Set<Int32>()) { $0.insert($1) }
            }
            // validation: they ran in the order they came, all on the one connection, and each
            // caller resumed with its connection already given back
            #expect(order.values.withLock { $0 } == [1, 2, 3, 4, 5])
            #expect(backends.count == 1)
            #expect(pool.statistics == .init(open: 1, inUse: 0, waiting: 0))
            _ = try await pool.withConnection { try $0.execute("SELECT 1") }
            #expect(pool.statistics.inUse == 0)
            await pool.shutdown()
        }
    }

    @Test func acquireTimesOutWhenAllConnectionsAreBusy() async throws {
        try await TestDatabase.withEmpty { database in
            let pool = database.makePool(maxConnections: 1, acquireTimeout: .milliseconds(200))
            // setup: the only connection is held until the test lets go
            let gate = try Gate(database, key: 1)
            async let holding = pool.withConnection { try gate.pass($0) }
            while pool.statistics.inUse == 0 { try await Task.sleep(for: .milliseconds(10)) }
            // MUT / validation
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withConnection { try $0.execute("SELECT 1") }
            }
            #expect(error?.kind == .poolTimeout)
            try gate.open()
            _ = try await holding
            await pool.shutdown()
        }
    }

    @Test func aWaiterPastItsDeadlineGetsItsTimeoutNotTheConnectionThatFreesUp() async throws {
        try await TestDatabase.withEmpty { database in
            let pool = database.makePool(maxConnections: 1, acquireTimeout: .seconds(60))
            // setup: the connection is in use, and a unit of work whose deadline has passed is
            // queued (directly, so that the pool's timer, which would fail it, is not running: as
            // on a busy machine where the timer runs late)
            let gate = try Gate(database, key: 6)
            let holding = Task { try await pool.withConnection { try gate.pass($0) } }
            while pool.statistics.inUse == 0 { try await Task.sleep(for: .milliseconds(5)) }
            let late = Task {
                try await withCheckedThrowingContinuation { continuation in
                    let job = PoolJob { connection in
                        let pid = Result { try Self.backendPID(connection.get()) }
                        return { continuation.resume(with: pid) }
                    }
                    pool.state.withLock { $0.waiters.append(PoolWaiter(job: job, deadline: .now - .seconds(1))) }
                }
            }
            while pool.statistics.waiting == 0 { try await Task.sleep(for: .milliseconds(2)) }
            // MUT: the connection frees up
            try gate.open()
            _ = try await holding.value
            // validation: the late work gets its timeout and never runs, and the connection goes idle
            let error = await #expect(throws: PostgresError.self) { _ = try await late.value }
            #expect(error?.kind == .poolTimeout)
            #expect(pool.statistics == .init(open: 1, inUse: 0, waiting: 0))
            await pool.shutdown()
        }
    }

    @Test func aWaiterTimesOutAtItsOwnDeadlineNotAnEarlierWaiters() async throws {
        try await TestDatabase.withEmpty { database in
            let pool = database.makePool(maxConnections: 1, acquireTimeout: .seconds(2))
            // setup: the only connection is held until the test lets go (an advisory lock it took
            // first: on a busy machine a timed hold could end before the waiter queues); a first
            // waiter gets it then and holds it until the end
            let (firstGate, secondGate) = (try Gate(database, key: 3), try Gate(database, key: 4))
            async let first = pool.withConnection { try firstGate.pass($0) }
            while pool.statistics.inUse == 0 { try await Task.sleep(for: .milliseconds(5)) }
            async let second = pool.withConnection { try secondGate.pass($0) }
            while pool.statistics.waiting == 0 { try await Task.sleep(for: .milliseconds(5)) }
            try firstGate.open()
            _ = try await first
            while pool.statistics.waiting > 0 { try await Task.sleep(for: .milliseconds(5)) }
            // MUT: a third waiter arrives after the second was served, before the second's deadline
            let started = ContinuousClock.now
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withConnection { try $0.execute("SELECT 1") }
            }
            // validation: it waited its own 2 s, not until the served waiter's deadline
            #expect(error?.kind == .poolTimeout)
            #expect(ContinuousClock.now - started >= .milliseconds(1990))
            try secondGate.open()
            _ = try await second
            await pool.shutdown()
        }
    }

    @Test func reconnectsAfterEveryBackendIsTerminated() async throws {
        try await TestDatabase.withEmpty { database in
            let pool = database.makePool(maxConnections: 3)
            let pids = try await withThrowingTaskGroup(of: Int32.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        try await pool.withConnection { connection in
                            try connection.execute("SELECT pg_sleep(0.2)")
                            return try Self.backendPID(connection)
                        }
                    }
                }
                return try await group.reduce(into: Set<Int32>()) { $0.insert($1) }
            }
            #expect(pids.count == 3)
            // MUT: terminate every pooled backend from outside
            let admin = try database.connect()
            for pid in pids {
                try admin.execute("SELECT pg_terminate_backend(\(pid))")
            }
            try await Task.sleep(for: .milliseconds(200))
            // validation: every connection recovers on its next use
            for _ in 0..<6 {
                let one = try await pool.withTransaction { try $0.query("SELECT 1 AS one")[0].decode("one", as: Int.self) }
                #expect(one == 1)
            }
            await pool.shutdown()
        }
    }

    /// The server process serving `connection`.
    static func backendPID(_ connection: Connection) throws -> Int32 {
        try connection.query("SELECT pg_backend_pid() AS pid")[0].decode("pid")
    }
}

/// What concurrent units of work recorded, in the order they did.
private final class Recorded: Sendable {
    let values = Mutex<[Int]>([])
}

/// Holds pooled work until the test opens it: the test's own connection takes an advisory lock
/// that the work waits for.
private final class Gate: Sendable {
    private let keeper: Connection
    private let key: Int

    init(_ database: TestDatabase, key: Int) throws {
        self.key = key
        keeper = try database.connect()
        try keeper.execute("SELECT pg_advisory_lock(\(key))")
    }

    /// Waits (on `connection`) until the gate is open.
    func pass(_ connection: Connection) throws {
        try connection.execute("SELECT pg_advisory_lock(\(key))")
        try connection.execute("SELECT pg_advisory_unlock(\(key))")
    }

    func open() throws {
        try keeper.execute("SELECT pg_advisory_unlock(\(key))")
        keeper.close()
    }
}
