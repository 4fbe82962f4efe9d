@testable import Postgres
import Synchronization
import Testing
import TestSupport

@Suite struct PipelineTests {
    /// The settings a statement was run with: `app.user_id` and the current role.
    static let settings: Query = "SELECT coalesce(current_setting('app.user_id', true), '') AS user_id, current_user::text AS role"

    /// Queues settings as `Database.setCaller` does: a role and a user id, local to the transaction.
    static func actAs(_ user: String, on connection: Connection) {
        connection.enqueue("SELECT set_config('role', 'pg_monitor', true), set_config('app.user_id', \(user), true)")
    }

    @Test func pipelineReturnsEveryResultAndStopsAtTheFirstError() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            let results = try connection.pipeline(["SELECT \(1)::int AS n", "SELECT 2 AS n", "SELECT \(3)::int AS n"])
            #expect(try results.map { try $0[0].decode("n", as: Int.self) } == [1, 2, 3])
            try connection.simpleQuery("CREATE TABLE things (n int)")
            let error = try #require(throws: PostgresError.self) {
                try connection.pipeline(["INSERT INTO things VALUES (\(1))", "SELECT 1 / \(0)", "INSERT INTO things VALUES (\(3))"])
            }
            #expect(error.sqlState == "22012")
            // The pipeline ran as one implicit transaction: nothing of it stays, and the
            // connection is ready for more.
            #expect(try connection.query("SELECT count(*)::int AS n FROM things")[0].decode("n", as: Int.self) == 0)
        }
    }

    @Test func queuedStatementsGoOutWithTheNextOneAndATransactionThatSendsNothingCostsNothing() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            connection.enqueue("SELECT set_config('app.user_id', \("7"), false)")
            #expect(try connection.query(Self.settings)[0].decode("user_id", as: String.self) == "7")
            try connection.withTransaction { _ in }
            // No BEGIN lingers: the statements after it run each in a transaction of its own.
            let first = try connection.query("SELECT txid_current() AS x")[0].decode("x", as: Int64.self)
            let second = try connection.query("SELECT txid_current() AS x")[0].decode("x", as: Int64.self)
            #expect(first != second)
        }
    }

    @Test func aTransactionsLastStatementCarriesItsCommit() async throws {
        struct Abort: Error {}
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            let observer = try database.connect()
            try connection.simpleQuery("CREATE TABLE things (n int PRIMARY KEY)")
            func count() throws -> Int { try observer.query("SELECT count(*)::int AS n FROM things")[0].decode("n") }
            // The write and its COMMIT in one pipeline: committed before the body even returns.
            let written = try connection.withTransaction { connection in
                try connection.execute("INSERT INTO things VALUES (\(1))")
                connection.commitWithNextStatement()
                let n: Int = try connection.query("INSERT INTO things VALUES (\(2)) RETURNING n")[0].decode("n")
                #expect(try count() == 2)
                return n
            }
            #expect(written == 2)
            // A failing last statement skips the COMMIT: the whole transaction rolls back.
            #expect(throws: PostgresError.self) {
                try connection.withTransaction { connection in
                    try connection.execute("INSERT INTO things VALUES (\(3))")
                    connection.commitWithNextStatement()
                    try connection.execute("INSERT INTO things VALUES (\(1))")
                }
            }
            #expect(try count() == 2)
            // A commit asked for but never sent (the body gave up first) is forgotten: the next
            // transaction on the connection commits only when it ends, and rolls back on a throw.
            #expect(throws: Abort.self) {
                try connection.withTransaction { connection in
                    try connection.execute("INSERT INTO things VALUES (\(4))")
                    connection.commitWithNextStatement()
                    throw Abort()
                }
            }
            #expect(throws: Abort.self) {
                try connection.withTransaction { connection in
                    try connection.execute("INSERT INTO things VALUES (\(5))")
                    try connection.execute("INSERT INTO things VALUES (\(6))")
                    throw Abort()
                }
            }
            #expect(try count() == 2)
        }
    }

    @Test func aReadWhoseLastStatementCarriedItsCommitSendsNoOther() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            // MUT: the read's one statement carries its COMMIT
            let n = try connection.withTransaction(readOnly: true) { connection in
                Self.actAs("7", on: connection)
                connection.commitWithNextStatement()
                return try connection.query("SELECT 1 AS n")[0].decode("n", as: Int.self)
            }
            // validation: no COMMIT went out after it, and no transaction or setting is left
            #expect(n == 1)
            #expect(connection.state.withLock { $0.unreadPipelines } == 0)
            #expect(try connection.query(Self.settings)[0].decode("user_id", as: String.self) == "")
            let first = try connection.query("SELECT txid_current() AS x")[0].decode("x", as: Int64.self)
            let second = try connection.query("SELECT txid_current() AS x")[0].decode("x", as: Int64.self)
            #expect(first != second, "a transaction was left open")
        }
    }

    @Test func aStatementAfterTheCarriedCommitIsRefusedUnsent() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            try connection.simpleQuery("CREATE TABLE things (n int)")
            // MUT: the COMMIT went with the first insert; a second insert would run outside the
            // transaction, without its settings
            let error = try #require(throws: PostgresError.self) {
                try connection.withTransaction { connection in
                    connection.commitWithNextStatement()
                    try connection.execute("INSERT INTO things VALUES (\(1))")
                    try connection.execute("INSERT INTO things VALUES (\(2))")
                }
            }
            // validation: refused before it was sent; the first insert committed; the connection serves on
            #expect(error.kind == .misuse)
            #expect(try connection.query("SELECT array_agg(n)::text AS n FROM things")[0].decode("n", as: String.self) == "{1}")
        }
    }

    @Test func aStatementLibpqRefusesToSendLeavesNoTransactionOrSettingsBehind() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            // More parameters than the protocol allows: libpq refuses the statement after the
            // queued BEGIN and settings went out.
            let tooMany = Query(sql: "SELECT $1::int AS n", binds: Array(repeating: "1", count: 70_000))
            #expect(throws: PostgresError.self) {
                try connection.withTransaction { connection in
                    Self.actAs("9", on: connection)
                    try connection.query(tooMany)
                }
            }
            #expect(try connection.query(Self.settings)[0].decode("user_id", as: String.self) == "")
            let first = try connection.query("SELECT txid_current() AS x")[0].decode("x", as: Int64.self)
            let second = try connection.query("SELECT txid_current() AS x")[0].decode("x", as: Int64.self)
            #expect(first != second, "a transaction was left open")
        }
    }

    @Test func settingsNeverLeakToTheNextTransactionOnTheSameConnection() async throws {
        struct Abort: Error {}
        try await TestDatabase.withEmpty { database in
            let pool = database.makePool(maxConnections: 1)
            func bare() async throws -> (String, String) {
                try await pool.withTransaction { connection in
                    let row = try connection.query(Self.settings)[0]
                    return (try row.decode("user_id", as: String.self), try row.decode("role", as: String.self))
                }
            }
            let owner = try await bare().1
            // A read: settings, statement and a COMMIT not waited for.
            let read = try await pool.withTransaction(readOnly: true) { connection in
                Self.actAs("1", on: connection)
                return try connection.query(Self.settings)[0].decode("user_id", as: String.self)
            }
            #expect(read == "1")
            #expect(try await bare() == ("", owner))
            // A statement failing mid-pipeline, right after the settings.
            await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { connection in
                    Self.actAs("2", on: connection)
                    try connection.query("SELECT 1 / \(0)")
                }
            }
            #expect(try await bare() == ("", owner))
            // A pipeline of several statements failing in its middle, inside a transaction.
            await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { connection in
                    Self.actAs("3", on: connection)
                    _ = try connection.pipeline([Self.settings, "SELECT 1 / \(0)", Self.settings])
                }
            }
            #expect(try await bare() == ("", owner))
            // The body failing after its statements, in a read.
            await #expect(throws: Abort.self) {
                try await pool.withTransaction(readOnly: true) { connection in
                    Self.actAs("4", on: connection)
                    try connection.query(Self.settings)
                    throw Abort()
                }
            }
            #expect(try await bare() == ("", owner))
            await pool.shutdown()
        }
    }

    @Test func aReadOnlyTransactionRefusesWrites() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            try connection.simpleQuery("CREATE TABLE things (n int)")
            let error = try #require(throws: PostgresError.self) {
                try connection.withTransaction(readOnly: true) { try $0.execute("INSERT INTO things VALUES (\(1))") }
            }
            #expect(error.sqlState == "25006")
            #expect(try connection.query("SELECT count(*)::int AS n FROM things")[0].decode("n", as: Int.self) == 0)
        }
    }

    @Test func aStatementIsPreparedAgainWhenItsColumnsChange() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            let admin = try database.connect()
            try admin.simpleQuery("CREATE TABLE things (id int, a text); INSERT INTO things VALUES (1, 'x')")
            let select: Query = "SELECT * FROM things WHERE id = \(1)"
            #expect(try connection.query(select).columns == ["id", "a"])
            try admin.simpleQuery("ALTER TABLE things ADD COLUMN b text")
            // Outside a transaction: 0A000 "cached plan must not change result type", answered
            // by preparing the statement again.
            let widened = try connection.query(select)
            #expect(widened.columns == ["id", "a", "b"])
            // the statement's new columns are found by name (not through the old statement's)
            #expect(widened.position(ofColumn: "b") == 2)
            #expect(try widened[0].decode("b", as: String?.self) == nil && widened[0].decode("a", as: String.self) == "x")
            try admin.simpleQuery("ALTER TABLE things ADD COLUMN c text")
            // Inside a transaction, which the error aborts: the pool runs the unit of work again.
            let pool = database.makePool(maxConnections: 1)
            let runs = Mutex(0)
            let warm = try await pool.withTransaction { try $0.query(select).columns }
            try admin.simpleQuery("ALTER TABLE things ADD COLUMN d text")
            let (columns, d) = try await pool.withTransaction { connection in
                runs.withLock { $0 += 1 }
                let rows = try connection.query(select)
                return (rows.columns, rows.position(ofColumn: "d"))
            }
            #expect(d == 4)
            #expect(warm == ["id", "a", "b", "c"])
            #expect(columns == ["id", "a", "b", "c", "d"])
            #expect(runs.withLock { $0 } == 2)
            // The stale statements were deallocated: only the live one remains on the server.
            let live = try await pool.withConnection {
                try $0.query("SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE \("SELECT * FROM things%")")[0]
                    .decode("n", as: Int.self)
            }
            #expect(live == 1)
            await pool.shutdown()
        }
    }

    @Test func resultsOfOneStatementAreDecodedByNameEachTime() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            try connection.simpleQuery("CREATE TABLE things (id int, a text, b int); INSERT INTO things SELECT g, 'x' || g, g * 10 FROM generate_series(1, 12) g")
            // the same prepared statement twice, with other parameters: its second result reuses
            // the first one's column names, and columns decoded out of order are still found
            for id in [3, 7] {
                let rows = try connection.query("SELECT id, a, b, b AS a FROM things WHERE id = \(id)")
                #expect(try rows[0].decode("b", as: Int.self) == id * 10)
                #expect(try rows[0].decode("id", as: Int.self) == id)
                // a name given twice means its last column
                #expect(try rows[0].decode("a", as: Int.self) == id * 10)
                #expect(rows.position(ofColumn: "a") == 3)
            }
            // the rows a command changed, past one digit
            #expect(try connection.query("UPDATE things SET b = b + \(1)").affectedRows == 12)
            #expect(try connection.query("DELETE FROM things WHERE id > \(10)").affectedRows == 2)
            #expect(try connection.query("SELECT \(1)::int AS n").affectedRows == 1)
        }
    }

    @Test func aStatementIsPreparedAgainWhenTheServerForgotIt() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            let select: Query = "SELECT \(5)::int AS n"
            #expect(try connection.query(select)[0].decode("n", as: Int.self) == 5)
            try connection.simpleQuery("DEALLOCATE ALL")
            // 26000 "prepared statement does not exist", outside and inside a transaction.
            #expect(try connection.query(select)[0].decode("n", as: Int.self) == 5)
            let pool = database.makePool(maxConnections: 1)
            _ = try await pool.withConnection { try $0.query(select).count }
            try await pool.withConnection { try $0.simpleQuery("DEALLOCATE ALL") }
            let n = try await pool.withTransaction { try $0.query(select)[0].decode("n", as: Int.self) }
            #expect(n == 5)
            await pool.shutdown()
        }
    }
}
