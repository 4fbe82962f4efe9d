import Campaign
import Postgres
import Store
import Testing
import TestSupport

/// DOMAIN.md's (rule) Visibility and (rule) Writes, enforced by PostgreSQL: every agency kind ×
/// role, the worker and an analyst of each agency, against every table (see `Matrix`).
@Suite struct RowLevelSecurityTests {
    /// Runs `body` on a database seeded with the matrix's world (analysts included) and the matrix.
    static func withMatrix(_ body: (Connection, World, Matrix) throws -> Void) async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            let world = try World.seed(on: connection, analysts: true)
            defer { Cluster.dropRoles(Array(world.analysts.values)) }
            try body(connection, world, Matrix(world: world))
        }
    }

    @Test func everyCallerSeesAndWritesExactlyWhatTheRulesSay() async throws {
        try await Self.withMatrix { connection, world, matrix in
            try connection.execute("BEGIN")
            let mismatches = try matrix.mismatches(on: connection, actors: world.users + [world.worker] + world.analystActors)
            try connection.execute("ROLLBACK")
            #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.map(\.description).joined(separator: "\n"))")
        }
    }

    /// The matrix notices the loss of any single policy: each one is dropped in turn (inside a
    /// transaction that is rolled back) and the matrix must then disagree with the rules.
    @Test func droppingAnySinglePolicyIsDetected() async throws {
        try await Self.withMatrix { connection, world, matrix in
            // The worker and the analysts first: they run few checks, and most policies of theirs
            // are noticed by nobody else, so the search for a mismatch stays short.
            let actors = [world.worker] + world.analystActors + world.users
            try connection.execute("BEGIN")
            #expect(try matrix.firstMismatch(on: connection, actors: actors) == nil)
            try connection.execute("ROLLBACK")

            let policies = try connection.query("""
                SELECT tablename, policyname FROM pg_catalog.pg_policies WHERE schemaname = 'app' ORDER BY tablename, policyname
                """).map { row -> (String, String) in (try row.decode("tablename"), try row.decode("policyname")) }
            #expect(policies.count >= 90)
            var undetected: [String] = []
            for (table, policy) in policies {
                try connection.execute("BEGIN")
                try connection.execute(Query(sql: "DROP POLICY \(try connection.escapeIdentifier(policy)) ON app.\(try connection.escapeIdentifier(table))"))
                if try matrix.firstMismatch(on: connection, actors: actors) == nil { undetected.append("\(table).\(policy)") }
                try connection.execute("ROLLBACK")
            }
            #expect(undetected.isEmpty, "policies whose loss the matrix does not notice: \(undetected)")
        }
    }

    /// The example of the brief, spelled out: without projects_select a district sees nothing
    /// (no policy means no rows under forced RLS), and the matrix says so.
    @Test func droppingProjectsSelectHidesEveryProject() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            let world = try World.seed(on: connection)
            try connection.execute("BEGIN")
            try connection.execute("DROP POLICY projects_select ON app.projects")
            let codes = try ActingAs.savepoint(world.user("D1", .viewer), on: connection) { connection in
                try connection.query("SELECT code FROM app.projects").map { try $0.decode("code", as: String.self) }
            }
            #expect(codes.isEmpty)
            let mismatch = try Matrix(world: world).firstMismatch(on: connection, actors: [world.user("D1", .viewer)])
            #expect(mismatch?.check == "projects")
            try connection.execute("ROLLBACK")
        }
    }

    /// A transaction opened the way the server opens it (BEGIN + Database.setCaller).
    @Test func serverTransactionsActForTheirCaller() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            let world = try World.seed(on: connection)
            let seen = try ActingAs.transaction(world.user("D2", .editor).caller, on: connection) { connection in
                try connection.query("SELECT code FROM app.projects ORDER BY code").map { try $0.decode("code", as: String.self) }
            }
            #expect(seen == ["P2", "P3", "P4"])
            // Committed as a district editor: the audit columns and the history name the caller.
            let editor = world.user("D2", .editor)
            try ActingAs.transaction(editor.caller, on: connection, commit: true) { connection in
                try connection.execute("UPDATE app.projects SET name = 'renamed' WHERE code = 'P2'")
            }
            let row = try #require(try connection.query("""
                SELECT p.updated_by, p.version, h.user_id, h.agency_id, h.changes -> 'name' ->> 'new' AS new_name
                  FROM app.projects p JOIN app.history h ON h.table_name = 'projects' AND h.row_id = p.id AND h.action = 'update'
                 WHERE p.code = 'P2'
                """).first)
            #expect(try row.decode("updated_by", as: Int64.self) == editor.userID)
            #expect(try row.decode("version", as: Int.self) == 2)
            #expect(try row.decode("user_id", as: Int64.self) == editor.userID)
            #expect(try row.decode("agency_id", as: Int64.self) == editor.agencyID)
            #expect(try row.decode("new_name", as: String.self) == "renamed")
        }
    }

    /// No role can change or remove history: not the app, the worker, the definer or the sign-in
    /// role (no privilege), and not the owner, which here is the superuser (the trigger refuses),
    /// even after granting itself the privileges.
    @Test func historyIsAppendOnlyForEveryRole() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            _ = try World.seed(on: connection)
            let before: Int = try connection.query("SELECT count(*)::integer AS n FROM app.history")[0].decode("n")
            #expect(before > 50)
            let statements: [Query] = ["UPDATE app.history SET action = action", "DELETE FROM app.history", "TRUNCATE app.history"]
            try connection.execute("BEGIN")
            for role in ["projectyear_app", "projectyear_worker", "projectyear_definer", "projectyear_auth", "projectyear_analyst"] {
                try connection.execute("SAVEPOINT r")
                try connection.execute(Query(sql: "SET LOCAL ROLE \(role)"))
                for statement in statements {
                    #expect(try ActingAs.outcome([statement], on: connection) == "42501", "\(role): \(statement)")
                }
                try connection.execute("ROLLBACK TO SAVEPOINT r")
            }
            let owner: String = try connection.query(
                "SELECT pg_catalog.pg_get_userbyid(relowner) AS o FROM pg_catalog.pg_class WHERE oid = 'app.history'::regclass"
            )[0].decode("o")
            try connection.execute(Query(sql: "GRANT UPDATE, DELETE, TRUNCATE ON app.history TO \(try connection.escapeIdentifier(owner))"))
            for statement in statements {
                #expect(try ActingAs.outcome([statement], on: connection) == "42501 history_append_only", "owner: \(statement)")
            }
            try connection.execute("ROLLBACK")
            let after: Int = try connection.query("SELECT count(*)::integer AS n FROM app.history")[0].decode("n")
            #expect(after == before)
        }
    }
}
