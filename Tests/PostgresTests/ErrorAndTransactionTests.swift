import Postgres
import Testing
import TestSupport

@Suite struct ErrorAndTransactionTests {
    @Test func uniqueViolationCarriesSQLStateAndConstraint() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            try connection.simpleQuery("CREATE TABLE things (code text CONSTRAINT things_code_key UNIQUE)")
            try connection.execute("INSERT INTO things VALUES (\("secret-value"))")
            let error = try #require(throws: PostgresError.self) {
                try connection.execute("INSERT INTO things VALUES (\("secret-value"))")
            }
            #expect(error.sqlState == SQLState.uniqueViolation)
            #expect(error.constraint == "things_code_key")
            #expect(error.isUniqueViolation)
            #expect(!error.description.contains("secret-value"))
        }
    }

    @Test func transactionRollsBackOnThrow() async throws {
        struct Abort: Error {}
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            try connection.simpleQuery("CREATE TABLE things (n int)")
            #expect(throws: Abort.self) {
                try connection.withTransaction { connection in
                    try connection.execute("INSERT INTO things VALUES (1)")
                    throw Abort()
                }
            }
            try connection.withTransaction { connection in
                try connection.execute("INSERT INTO things VALUES (2)")
            }
            let rows = try connection.query("SELECT n FROM things")
            #expect(try rows.map { try $0.decode("n", as: Int.self) } == [2])
        }
    }

    @Test func badConnectionStringFailsClearly() {
        let error = #expect(throws: PostgresError.self) {
            try Connection.connect(url: "postgresql://nobody@127.0.0.1:1/nothing?connect_timeout=2")
        }
        #expect(error?.kind == .connectionFailed)
    }

    @Test func copyInLoadsRows() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            try connection.simpleQuery("CREATE TABLE things (n int, label text)")
            let copied = try connection.copyIn("COPY things FROM STDIN") { send in
                for n in 1...1000 { try send("\(n)\t\(String.copyField(n.isMultiple(of: 10) ? nil : "tab\there"))") }
            }
            #expect(copied == 1000)
            let row = try #require(try connection.query("SELECT count(*) AS c, count(label) AS l FROM things").first)
            #expect(try row.decode("c") == 1000)
            #expect(try row.decode("l") == 900)
        }
    }

    @Test func notificationsArrive() async throws {
        try await TestDatabase.withEmpty { database in
            let listener = try database.connect()
            try listener.listen("runs")
            try database.connect().execute("SELECT pg_notify('runs', \("42"))")
            let delivered = try listener.waitForNotifications(timeout: .seconds(5))
            #expect(delivered == [Notification(channel: "runs", payload: "42")])
        }
    }
}
