import Campaign
import Postgres
import Store
import Testing
import TestSupport

/// `projectyear analyst add`: a PostgreSQL login that reads its agency's rows through the
/// reporting views, and nothing else.
@Suite struct AnalystQueriesTests {
    @Test func anAnalystReadsItsAgencysRowsThroughReportingOnly() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            let world = try World.seed(on: connection)
            var logins: [String] = []
            defer { Cluster.dropRoles(logins) }
            for (code, expected) in [("D1", ["P1", "P5"]), ("DRC", ["P1", "P3"]), ("CTY", ["P1", "P2", "P3", "P4", "P5"])] {
                let login = Cluster.uniqueLogin(code)
                logins.append(login)
                let created = try AnalystQueries.add(agencyCode: code, login: login, password: "s3cret-enough", on: connection)
                #expect(created.login == login && created.agencyID == world.ag(code) && created.agencyCode == code)

                let analyst = try Connection.connect(url: "dbname=\(database.name) user=\(login)")
                defer { analyst.close() }
                let seen = try analyst.query("SELECT code FROM reporting.projects ORDER BY code").map { try $0.decode("code", as: String.self) }
                #expect(seen == expected, "analyst of \(code)")
                for (setting, value) in [("statement_timeout", "5min"), ("idle_in_transaction_session_timeout", "10min")] {
                    #expect(try analyst.query(Query(sql: "SHOW \(setting)"))[0].decode(setting, as: String.self) == value)
                }
                for statement: Query in ["SELECT code FROM app.projects", "UPDATE app.projects SET name = 'x'",
                                         "INSERT INTO app.monthly_reports (project_id, month) VALUES (1, '2024-05-01')",
                                         "SELECT * FROM app.users"] {
                    let error = #expect(throws: PostgresError.self, "\(code): \(statement)") { try analyst.execute(statement) }
                    #expect(error?.sqlState == SQLState.insufficientPrivilege, "\(code): \(statement)")
                }
                #expect(throws: PostgresError.self) { try analyst.execute("DELETE FROM reporting.projects") }
            }
            let role = try #require(try connection.query("""
                SELECT r.rolcanlogin, r.rolsuper, r.rolcreaterole, r.rolbypassrls, a.rolpassword LIKE 'SCRAM-SHA-256$%' AS scram,
                       pg_catalog.pg_has_role(r.rolname, 'projectyear_analyst', 'MEMBER') AS analyst,
                       (SELECT agency_id FROM app.analyst_logins WHERE login = r.rolname) AS agency_id
                  FROM pg_catalog.pg_roles r JOIN pg_catalog.pg_authid a ON a.oid = r.oid
                 WHERE r.rolname = \(logins[0])
                """).first)
            #expect(try role.decode("rolcanlogin", as: Bool.self))
            #expect(try !role.decode("rolsuper", as: Bool.self))
            #expect(try !role.decode("rolcreaterole", as: Bool.self))
            #expect(try !role.decode("rolbypassrls", as: Bool.self))
            #expect(try role.decode("scram", as: Bool.self))
            #expect(try role.decode("analyst", as: Bool.self))
            #expect(try role.decode("agency_id", as: Int64.self) == world.ag("D1"))
        }
    }

    @Test func badRequestsFailClearlyAndCreateNothing() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            _ = try World.seed(on: connection)
            let login = Cluster.uniqueLogin("x")
            defer { Cluster.dropRoles([login]) }
            func roleExists() throws -> Bool {
                try connection.query("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = \(login)").count == 1
            }

            #expect(throws: AnalystQueries.Failure.unknownAgency("NOPE")) {
                try AnalystQueries.add(agencyCode: "NOPE", login: login, password: "long-enough", on: connection)
            }
            #expect(try !roleExists())
            #expect(throws: AnalystQueries.Failure.passwordTooShort) {
                try AnalystQueries.add(agencyCode: "D1", login: login, password: "short", on: connection)
            }
            #expect(try !roleExists())
            for bad in ["", "pg_reader", "1abc", "has space", "quote\"d", String(repeating: "a", count: 64)] {
                #expect(throws: AnalystQueries.Failure.invalidLogin(bad)) {
                    try AnalystQueries.add(agencyCode: "D1", login: bad, password: "long-enough", on: connection)
                }
            }
            try AnalystQueries.add(agencyCode: "D1", login: login, password: "long-enough", on: connection)
            #expect(throws: AnalystQueries.Failure.loginExists(login)) {
                try AnalystQueries.add(agencyCode: "D2", login: login, password: "long-enough", on: connection)
            }
            let rows: Int = try connection.query("SELECT count(*)::integer AS n FROM app.analyst_logins WHERE login = \(login)")[0].decode("n")
            #expect(rows == 1)
            #expect(AnalystQueries.Failure.passwordTooShort.description.contains("8"))
        }
    }
}
