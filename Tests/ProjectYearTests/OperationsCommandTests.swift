import Foundation
import HummingbirdBcrypt
import Postgres
import Testing
import TestSupport

/// Operators' commands of the second wave: --version, password reset, and the logins that serve
/// and worker must use.
@Suite struct OperationsCommandTests {
    @Test func versionIsPrinted() throws {
        let version = try ExecutableRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.output)")
    }

    @Test func userPasswordResetsTheHashAndEndsSessions() async throws {
        try await TestDatabase.with { database in
            let environment = ["DATABASE_URL": database.url]
            let connection = try database.connect()
            let fixture = try CountyFixture.seed(on: connection)
            let username = CountyFixture.username(fixture.district1, "editor")
            try connection.execute("""
                INSERT INTO app.sessions (token_hash, user_id, expires_at)
                SELECT '\\x01'::bytea, id, now() + interval '1 hour' FROM app.users WHERE username = \(username)
                """)
            try connection.execute("INSERT INTO app.sign_in_throttle (username, address, failures) VALUES (\(username), '192.0.2.1', 12)")
            // MUT
            let reset = try ExecutableRunner.run(["user", "password", "--username", username], environment: environment, input: "a-new-secret-1\n")
            // validation
            #expect(reset.status == 0, "\(reset.errors)")
            #expect(reset.output == "set the password of \(username); ended 1 session(s)\n")
            let hash: String = try connection.query("SELECT password_hash FROM app.users WHERE username = \(username)")[0].decode("password_hash")
            #expect(Bcrypt.verify("a-new-secret-1", hash: hash))
            #expect(hash.hasPrefix("$2b$12$"), "bcrypt at cost 12")
            let left: Int = try connection.query("""
                SELECT (SELECT count(*) FROM app.sessions s JOIN app.users u ON u.id = s.user_id WHERE u.username = \(username))
                     + (SELECT count(*) FROM app.sign_in_throttle WHERE username = \(username)) AS n
                """)[0].decode("n")
            #expect(left == 0)
            let unknown = try ExecutableRunner.run(["user", "password", "--username", "nobody"], environment: environment, input: "a-new-secret-1\n")
            #expect(unknown.status == 1)
            #expect(unknown.errors == "projectyear: error: no user named nobody; list users with GET /api/v1/users\n")
            let short = try ExecutableRunner.run(["user", "password", "--username", username], environment: environment, input: "short\n")
            #expect(short.status == 1 && short.errors.contains("at least 8 characters"))
        }
    }

    @Test func serveAndWorkerRefuseAPrivilegedLogin() async throws {
        try await TestDatabase.with { database in
            // MUT: the superuser that owns the tables
            for command in ["serve", "worker"] {
                let refused = try ExecutableRunner.run([command], environment: ["DATABASE_URL": database.url, "HTTP_PORT": "0"])
                // validation
                #expect(refused.status == 1)
                #expect(refused.errors.contains("is a superuser"), "\(refused.errors)")
                #expect(refused.errors.contains(command == "serve" ? "projectyear_server_login" : "projectyear_worker_login"))
            }
            // the worker's login is not the server's
            let crossed = try ExecutableRunner.run(["serve"], environment: ["DATABASE_URL": database.url(as: .worker), "HTTP_PORT": "0"])
            #expect(crossed.status == 1)
            #expect(crossed.errors.contains("instead of only projectyear_app"), "\(crossed.errors)")
        }
    }

    @Test func migrateMakesTheConfiguredLoginsReady() async throws {
        try await TestDatabase.withEmpty { database in
            let login = "py_server_\(UInt32.random(in: 0...UInt32.max))"
            let environment = [
                "DATABASE_ADMIN_URL": database.url,
                "DATABASE_URL": "\(database.url) user=\(login) password=login-secret-1",
                "DATABASE_WORKER_URL": database.url(as: .worker),
            ]
            // MUT
            let migrated = try ExecutableRunner.run(["migrate"], environment: environment)
            // validation: created, a member of projectyear_app only, with a SCRAM password
            #expect(migrated.status == 0, "\(migrated.errors)")
            #expect(migrated.output.contains("login \(login) is ready for serve"))
            #expect(migrated.output.contains("login projectyear_worker_login is ready for worker"))
            let admin = try database.connect()
            let groups: Query = """
                SELECT (SELECT string_agg(g.rolname, ',') FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                         WHERE m.member = a.oid) AS groups FROM pg_roles a WHERE a.rolname = \(login)
                """
            let row = try admin.query("""
                SELECT a.rolcanlogin, a.rolsuper, a.rolpassword LIKE 'SCRAM-SHA-256$%' AS scram,
                       (SELECT string_agg(g.rolname, ',') FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                         WHERE m.member = a.oid) AS groups
                  FROM pg_authid a WHERE a.rolname = \(login)
                """)[0]
            #expect(try row.decode("rolcanlogin") == true && row.decode("rolsuper") == false && row.decode("scram") == true)
            #expect(try row.decode("groups") == "projectyear_app")
            // a second run changes nothing that matters and still succeeds
            #expect(try ExecutableRunner.run(["migrate"], environment: environment).status == 0)
            // without a worker URL of its own the worker's would be the server's: it stays the server's only
            var serverOnly = environment
            serverOnly["DATABASE_WORKER_URL"] = nil
            #expect(try ExecutableRunner.run(["migrate"], environment: serverOnly).status == 0)
            #expect(try admin.query(groups)[0].decode("groups") == "projectyear_app")
            try admin.execute(Query(sql: "DROP ROLE \(try admin.escapeIdentifier(login))"))
        }
    }
}
