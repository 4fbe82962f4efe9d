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
                SELECT p.proname, l.lanname, p.provolatile::text || p.proparallel::text AS marks
                  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
                 WHERE p.pronamespace = 'app'::regnamespace AND (p.prosecdef OR p.proconfig IS NOT NULL)
                 ORDER BY p.proname
                """)
            let sqlHelpers = try rows.rows.filter { try $0.decode("lanname", as: String.self) == "sql" }
                .map { try $0.decode("proname", as: String.self) }
            let marks = Dictionary(try rows.map { (try $0.decode("proname", as: String.self), try $0.decode("marks", as: String.self)) },
                                   uniquingKeysWith: { first, _ in first })
            // validate
            #expect(sqlHelpers == [], "SQL functions with SECURITY DEFINER or SET: \(sqlHelpers)")
            // the policies' helpers, still definer helpers, STABLE, and parallel safe where they were
            // (s: stable; then s: parallel safe, u: unsafe)
            #expect(marks.filter { Self.policyHelpers.keys.contains($0.key) } == Self.policyHelpers)
        }
    }

    /// The helpers the row-level security policies call, with their volatility and parallel
    /// safety as before 0104.
    static let policyHelpers = [
        "setting": "ss", "session_is_analyst": "su", "is_county": "ss", "my_district": "ss", "my_department": "ss",
        "can_write": "ss", "current_agency_id": "ss", "current_agency_kind": "ss", "user_display_names": "su",
        "session_caller": "su",
    ]

    /// `session_is_analyst` answers the server's logins from the role-membership cache, and
    /// gives what it gave before 0104 for every kind of login: an analyst is a login listed in
    /// `analyst_logins` or a direct member of `projectyear_analyst`, whatever else it holds.
    @Test func onlyTheServersOwnLoginsSkipTheAnalystLookup() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            // setup: logins and a group role, created in a transaction that is rolled back (roles
            // are global to the cluster)
            try connection.execute("BEGIN")
            defer { _ = try? connection.execute("ROLLBACK") }
            let agency: Int64 = try connection.query(
                "INSERT INTO app.agencies (code, name, kind) VALUES ('probe', '探针区', 'district') RETURNING id")[0].decode("id")
            let group = try connection.escapeIdentifier("definer-probe-group-\(suffix)")
            try connection.execute(Query(sql: "CREATE ROLE \(group) NOLOGIN"))
            try connection.execute(Query(sql: "GRANT projectyear_app TO \(group)"))
            // kind → (roles granted, listed in analyst_logins, expected answer)
            let logins: [String: (roles: [String], listed: Bool, analyst: Bool)] = [
                "server": (["projectyear_app"], false, false),
                "server-by-group": ([group], false, false),
                "dual": (["projectyear_app", "projectyear_analyst"], false, true),
                "analyst": (["projectyear_analyst"], false, true),
                "listed-only": ([], true, true),
                "listed-server": (["projectyear_app"], true, true),
                "listed-by-group": ([group], true, true),
                "nobody": ([], false, false),
            ]
            var answers: [String: Bool] = [:]
            for (kind, login) in logins {
                let name = "definer-probe-\(kind)-\(suffix)"
                let role = try connection.escapeIdentifier(name)
                try connection.execute(Query(sql: "CREATE ROLE \(role) LOGIN"))
                for granted in login.roles { try connection.execute(Query(sql: "GRANT \(granted) TO \(role)")) }
                // (an analyst reads the `reporting` views, not `app`; the probe calls the helper itself)
                try connection.execute(Query(sql: "GRANT USAGE ON SCHEMA app TO \(role)"))
                if login.listed {
                    try connection.execute("INSERT INTO app.analyst_logins (login, agency_id) VALUES (\(name), \(agency))")
                }
                // MUT
                try connection.execute(Query(sql: "SET LOCAL SESSION AUTHORIZATION \(role)"))
                answers[kind] = try connection.query("SELECT app.session_is_analyst() AS a")[0].decode("a")
                try connection.execute("RESET SESSION AUTHORIZATION")
            }
            // validate
            #expect(answers == logins.mapValues(\.analyst))
        }
    }
}
