import API
import Foundation
import Postgres
import Store
import Testing
import TestSupport

/// The server's own connection (the login `projectyear serve` uses) cannot leave row-level
/// security: no way back to a superuser, no replication mode, no rows without a caller.
@Suite struct LeastPrivilegeTests {
    @Test func theServersConnectionCannotEscapeRowLevelSecurity() async throws {
        try await APIHarness.run { api in
            // setup: the data exists (as the superuser sees it)
            let users: Int = try api.database.connect().query("SELECT count(*)::integer AS n FROM app.users")[0].decode("n")
            #expect(users == 18)
            let pool = api.database.makePool(maxConnections: 1, as: .server)
            defer { Task { await pool.shutdown() } }
            try await pool.withConnection { connection in
                // MUT / validation: a statement outside a caller's transaction sees no rows
                for table in ["users", "projects", "monthly_reports", "history"] {
                    let count: Int = try connection.query("SELECT count(*)::integer AS n FROM app.\(unsafeSQL: table)")[0].decode("n")
                    #expect(count == 0, "app.\(table) shows \(count) rows without a caller")
                }
                #expect(throws: PostgresError.self) { try connection.query("SELECT password_hash FROM app.users") }
                // RESET ROLE leads back to the login itself, never to a superuser
                try connection.execute("SELECT set_config('role', 'projectyear_app', false)")
                try connection.execute("RESET ROLE")
                let row = try connection.query("""
                    SELECT current_user::text AS who, r.rolsuper, r.rolbypassrls,
                           (SELECT count(*)::integer FROM app.users) AS n
                      FROM pg_roles r WHERE r.rolname = current_user
                    """)[0]
                #expect(try row.decode("who") == "projectyear_server_login")
                #expect(try row.decode("rolsuper") == false && row.decode("rolbypassrls") == false)
                #expect(try row.decode("n") == 0)
                // no way to a superuser, the owner, the definer roles or replication mode
                for statement in ["SET ROLE postgres", "SET ROLE projectyear_auth", "SET ROLE projectyear_worker",
                                  "SET SESSION AUTHORIZATION postgres", "SET session_replication_role = replica",
                                  "ALTER ROLE projectyear_server_login BYPASSRLS"] {
                    let error = #expect(throws: PostgresError.self, "\(statement)") { try connection.execute(Query(sql: statement)) }
                    #expect(error?.sqlState == "42501", "\(statement): \(String(describing: error?.sqlState))")
                }
            }
            // the API still works through that login, with the caller's rights
            let token = try await api.signIn(api.fixture.county, "admin")
            let list = try await api.request(.get, "/api/v1/users", token: token)
            #expect(list.status == .ok && !list.items.isEmpty)
        }
    }

    @Test func theLoginsHaveNoMoreThanTheirGroup() async throws {
        try await TestDatabase.with { database in
            for (login, role) in [(TestDatabase.Login.server, Database.Role.app), (.worker, .worker)] {
                let connection = try Connection.connect(url: database.url(as: login))
                let (name, reasons) = try LoginQueries.excessPrivileges(expecting: role, on: connection)
                #expect(name == login.rawValue)
                #expect(reasons.isEmpty, "\(reasons)")
                // the other group's login is refused for this one
                let other = try LoginQueries.excessPrivileges(expecting: role == .app ? .worker : .app, on: connection)
                #expect(!other.reasons.isEmpty)
            }
            let superuser = try LoginQueries.excessPrivileges(expecting: .app, on: try database.connect())
            #expect(superuser.reasons.contains("is a superuser"))
            #expect(superuser.reasons.contains("owns the schema app or its tables"))
        }
    }
}
