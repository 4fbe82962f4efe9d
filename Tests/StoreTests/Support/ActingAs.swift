import Campaign
import Postgres
import Store
import TestSupport

/// Who acts in a test: a user of a fixture agency with a role, the assessment worker, or an
/// analyst login tied to an agency.
struct Actor: Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case user(role: UserRole)
        case worker
        case analyst(login: String)
    }

    var code: String
    var agencyID: Int64
    var agencyKind: AgencyKind
    var userID: Int64
    var kind: Kind

    var description: String {
        switch kind {
        case .user(let role): "\(code) \(role.rawValue)"
        case .worker: "worker"
        case .analyst: "analyst of \(code)"
        }
    }

    var role: UserRole? {
        if case .user(let role) = kind { return role }
        return nil
    }

    /// An editor or an admin: a user who may write something.
    var writes: Bool { role == .editor || role == .admin }
    var isCounty: Bool { agencyKind == .county }
    var isUser: Bool { role != nil }

    /// The caller the server would set for this user.
    var caller: Caller {
        Caller(userID: userID, agencyID: agencyID, agencyKind: agencyKind, role: role ?? .viewer)
    }
}

/// Opening transactions as the server does (`Store.Database.setCaller`), and recording what a
/// statement did without letting its effects or its failure leak into the next one.
enum ActingAs {
    /// Runs `body` in its own transaction as `caller`, exactly as the server does (BEGIN, then
    /// `Database.setCaller`), and commits only when `commit` is true.
    @discardableResult
    static func transaction<T>(
        _ caller: Caller, on connection: Connection, commit: Bool = false, _ body: (Connection) throws -> T
    ) throws -> T {
        try connection.execute("BEGIN")
        do {
            try Database.setCaller(caller, on: connection)
            let value = try body(connection)
            try connection.execute(commit ? "COMMIT" : "ROLLBACK")
            return value
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// Inside an open transaction (as the superuser): acts as `actor` within a savepoint that is
    /// rolled back afterwards, so the caller's settings and every change vanish.
    static func savepoint<T>(_ actor: Actor, on connection: Connection, _ body: (Connection) throws -> T) throws -> T {
        try connection.execute("SAVEPOINT acting_as")
        defer {
            _ = try? connection.execute("ROLLBACK TO SAVEPOINT acting_as")
            _ = try? connection.execute("RELEASE SAVEPOINT acting_as")
        }
        switch actor.kind {
        case .user:
            try Database.setCaller(actor.caller, on: connection)
        case .worker:
            try connection.execute("SELECT set_config('role', 'projectyear_worker', true)")
        case .analyst(let login):
            // What a libpq session of the login would be: session_user is the analyst.
            try connection.execute(Query(sql: "SET LOCAL SESSION AUTHORIZATION \(try connection.escapeIdentifier(login))"))
        }
        return try body(connection)
    }

    /// Runs `statements` in a savepoint that is always rolled back and describes the last one's
    /// outcome: `ok N` (rows changed or returned) followed by the first returned value, or the
    /// SQLSTATE and the constraint of the error.
    static func outcome(_ statements: [Query], on connection: Connection) throws -> String {
        try connection.execute("SAVEPOINT attempt")
        defer {
            _ = try? connection.execute("ROLLBACK TO SAVEPOINT attempt")
            _ = try? connection.execute("RELEASE SAVEPOINT attempt")
        }
        do {
            var result: ResultSet?
            for statement in statements { result = try connection.query(statement) }
            guard let result else { return "ok 0" }
            var text = "ok \(result.count > 0 ? result.count : result.affectedRows)"
            if let row = result.first, result.columns.count > 0 {
                let value: String? = try row.decode(0)
                text += " \(value ?? "null")"
            }
            return text
        } catch let error as PostgresError where error.kind == .server {
            return [error.sqlState ?? "?", error.constraint].compactMap { $0 }.joined(separator: " ")
        }
    }
}

/// The superuser's view of the cluster for cluster-wide objects (analyst login roles).
enum Cluster {
    /// A role name unique to this test run.
    static func uniqueLogin(_ stem: String) -> String {
        "ana_\(stem.lowercased())_\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
    }

    /// Drops login roles created by a test (roles are shared by every database of the cluster).
    static func dropRoles(_ logins: [String]) {
        guard !logins.isEmpty, let admin = try? Connection.connect(url: TestDatabase.adminURL) else { return }
        for login in logins {
            if let name = try? admin.escapeIdentifier(login) { _ = try? admin.simpleQuery("DROP ROLE IF EXISTS \(name)") }
        }
        admin.close()
    }
}
