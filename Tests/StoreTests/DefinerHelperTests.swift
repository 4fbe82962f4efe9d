import Postgres
import Testing
import TestSupport

/// The helpers that run with their owner's rights (`SECURITY DEFINER`, with a fixed
/// `search_path`) are PL/pgSQL, never SQL: PostgreSQL 15 cannot inline a SQL function that is
/// SECURITY DEFINER or has a SET clause, so it parses and plans its body again in every statement,
/// and the row-level security policies call these helpers in every statement of every request
/// (migration 0104; `RowLevelSecurityTests` checks what they let each caller see).
@Suite struct DefinerHelperTests {
    @Test func noDefinerHelperIsASQLFunction() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            // MUT
            let rows = try connection.query("""
                SELECT p.proname, l.lanname, p.prosecdef, p.proconfig IS NOT NULL AS has_settings
                  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
                 WHERE p.pronamespace = 'app'::regnamespace AND (p.prosecdef OR p.proconfig IS NOT NULL)
                 ORDER BY p.proname
                """)
            let sqlHelpers = try rows.rows.filter { try $0.decode("lanname", as: String.self) == "sql" }
                .map { try $0.decode("proname", as: String.self) }
            let definerHelpers = try rows.map { try $0.decode("proname", as: String.self) }
            // validate
            #expect(sqlHelpers == [], "SQL functions with SECURITY DEFINER or SET: \(sqlHelpers)")
            for helper in ["setting", "session_is_analyst", "is_county", "my_district", "my_department", "can_write",
                           "current_agency_id", "current_agency_kind", "user_display_names", "session_caller"] {
                #expect(definerHelpers.contains(helper), "\(helper) is no longer a definer helper")
            }
        }
    }

    /// `session_is_analyst` answers the server's logins from the role-membership cache; a login
    /// that is also an analyst is still an analyst, and so is one that is only an analyst.
    @Test func onlyTheServersOwnLoginsSkipTheAnalystLookup() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            // setup: three logins, created in a transaction that is rolled back (roles are global)
            try connection.execute("BEGIN")
            defer { _ = try? connection.execute("ROLLBACK") }
            let logins = ["server": ["projectyear_app"], "dual": ["projectyear_app", "projectyear_analyst"],
                          "analyst": ["projectyear_analyst"]]
            var answers: [String: Bool] = [:]
            for (kind, roles) in logins {
                let login = try connection.escapeIdentifier("definer-probe-\(kind)-\(suffix)")
                try connection.execute(Query(sql: "CREATE ROLE \(login) LOGIN"))
                for role in roles { try connection.execute(Query(sql: "GRANT \(role) TO \(login)")) }
                // (an analyst reads the `reporting` views, not `app`; the probe calls the helper itself)
                try connection.execute(Query(sql: "GRANT USAGE ON SCHEMA app TO \(login)"))
                // MUT
                try connection.execute(Query(sql: "SET LOCAL SESSION AUTHORIZATION \(login)"))
                answers[kind] = try connection.query("SELECT app.session_is_analyst() AS a")[0].decode("a")
                try connection.execute("RESET SESSION AUTHORIZATION")
            }
            // validate
            #expect(answers == ["server": false, "dual": true, "analyst": true])
        }
    }
}
