import Postgres

/// The logins `serve` and `worker` connect as (least privilege at the connection): checked when
/// they start, and created or given their password by `projectyear migrate`.
public enum LoginQueries {
    /// The role the connection logged in as (the migration's admin).
    public static func currentUser(on connection: Connection) throws -> String {
        try connection.query("SELECT current_user::text AS name")[0].decode("name")
    }

    /// The current login and why it may not serve as `group` (no reasons when it may): a login
    /// must not be a superuser, bypass RLS, create roles or databases, own (or be a member of the
    /// owner of) the schema `app` or its tables, or belong to any role but `group`.
    public static func excessPrivileges(expecting group: Database.Role, on connection: Connection) throws -> (login: String, reasons: [String]) {
        let row = try connection.query("""
            SELECT r.rolname::text AS login, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                   EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n
                             LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid
                            WHERE n.nspname = 'app'
                              AND (pg_has_role(r.oid, n.nspowner, 'MEMBER') OR pg_has_role(r.oid, c.relowner, 'MEMBER'))) AS owns,
                   coalesce((SELECT string_agg(g.rolname, ', ' ORDER BY g.rolname) FROM pg_catalog.pg_auth_members m
                               JOIN pg_catalog.pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid), '') AS groups
              FROM pg_catalog.pg_roles r WHERE r.rolname = current_user
            """)[0]
        var reasons: [String] = []
        if try row.decode("rolsuper") { reasons.append("is a superuser") }
        if try row.decode("rolbypassrls") { reasons.append("bypasses row-level security") }
        if try row.decode("rolcreaterole") { reasons.append("may create roles") }
        if try row.decode("rolcreatedb") { reasons.append("may create databases") }
        if try row.decode("owns") { reasons.append("owns the schema app or its tables") }
        let groups: String = try row.decode("groups")
        if groups != group.rawValue { reasons.append("is a member of [\(groups)] instead of only \(group.rawValue)") }
        return (try row.decode("login"), reasons)
    }

    /// Makes `login` a login role that is a member of `group`, creating it when missing, and sets
    /// its password when one is given (hashed here: the plain password never reaches the server).
    /// A role that is a superuser or bypasses RLS is left alone: serve and worker refuse it anyway.
    public static func ensure(login: String, password: String?, group: Database.Role, on connection: Connection) throws {
        let role = try connection.escapeIdentifier(login)
        let existing = try connection.query("SELECT rolsuper OR rolbypassrls AS privileged FROM pg_catalog.pg_roles WHERE rolname = \(login)")
        if let row = existing.first {
            if try row.decode("privileged") { return }
        } else {
            try connection.execute(Query(sql: "CREATE ROLE \(role) LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT"))
        }
        try connection.execute(Query(sql: "GRANT \(group.rawValue) TO \(role)"))
        if let password {
            try connection.execute(Query(sql: "ALTER ROLE \(role) PASSWORD '\(try verifier(password, role: login, on: connection))'"))
        }
    }

    /// The SCRAM verifier of `password` for `role`, checked to be safe to splice as a literal
    /// (utility statements take no parameters): base64, '$' and ':' only, anything else refused.
    static func verifier(_ password: String, role: String, on connection: Connection) throws -> String {
        let verifier = try connection.encryptPassword(password, role: role)
        guard !verifier.isEmpty, verifier.unicodeScalars.allSatisfy({ c in
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || "+/=$:-".unicodeScalars.contains(c)
        }) else {
            throw PostgresError(.server, reason: "the hashed password has an unexpected form")
        }
        return verifier
    }
}
