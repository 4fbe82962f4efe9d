import Postgres

/// Analysts' PostgreSQL logins (`projectyear analyst add`): a login role that is a member of
/// `projectyear_analyst` and is tied to one agency in `app.analyst_logins`, so the `reporting`
/// views show it exactly what a user of that agency sees (see docs/REPORTING.md).
///
/// Runs on a connection of the database's owner (the migrating superuser): creating roles and
/// granting `projectyear_analyst` are not the app role's business.
public enum AnalystQueries {
    /// The shortest password accepted for an analyst login.
    public static let minimumPasswordLength = 8

    /// Settings of every analyst login (`ALTER ROLE … SET`; migration 0055 gave them to earlier
    /// logins): a runaway query or a transaction left open stops before it holds back the primary
    /// (locks, vacuum) or a standby's replay.
    public static let timeLimits = [("statement_timeout", "5min"), ("idle_in_transaction_session_timeout", "10min")]

    /// Why an analyst login could not be created; `description` is one line for the operator.
    public enum Failure: Error, Equatable, CustomStringConvertible, Sendable {
        case unknownAgency(String)
        case loginExists(String)
        case invalidLogin(String)
        case passwordTooShort

        public var description: String {
            switch self {
            case .unknownAgency(let code):
                "no agency has the code \(code)"
            case .loginExists(let login):
                "a database role named \(login) already exists"
            case .invalidLogin(let login):
                "invalid login \(login): use 1 to 63 letters, digits, '_', '.' or '-', starting with a letter or '_' and not with pg_"
            case .passwordTooShort:
                "the password must have at least \(AnalystQueries.minimumPasswordLength) characters"
            }
        }
    }

    /// The analyst login that was created.
    public struct Created: Sendable, Equatable {
        public var login: String
        public var agencyID: Int64
        public var agencyCode: String
    }

    /// True for a login name this command accepts (PostgreSQL's limit is 63 bytes; `pg_` is reserved).
    public static func isValidLogin(_ login: String) -> Bool {
        guard let first = login.unicodeScalars.first, login.utf8.count <= 63, !login.lowercased().hasPrefix("pg_") else {
            return false
        }
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        guard isLetter(first) || first == "_" else { return false }
        return login.unicodeScalars.allSatisfy { c in isLetter(c) || ("0"..."9").contains(c) || c == "_" || c == "." || c == "-" }
    }

    /// Creates the login role with a password hashed on this side (SCRAM; the plain password
    /// never reaches the server or its logs), grants it `projectyear_analyst` and ties it to the
    /// agency with code `agencyCode`, all in one transaction.
    @discardableResult
    public static func add(agencyCode: String, login: String, password: String, on connection: Connection) throws -> Created {
        guard isValidLogin(login) else { throw Failure.invalidLogin(login) }
        guard password.count >= minimumPasswordLength else { throw Failure.passwordTooShort }
        return try connection.withTransaction { connection in
            guard let agency = try connection.query("SELECT id FROM app.agencies WHERE code = \(agencyCode)").first else {
                throw Failure.unknownAgency(agencyCode)
            }
            let agencyID: Int64 = try agency.decode("id")
            if try connection.query("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = \(login)").count > 0 {
                throw Failure.loginExists(login)
            }
            let role = try connection.escapeIdentifier(login)
            let verifier = try LoginQueries.verifier(password, role: login, on: connection)
            do {
                try connection.execute(Query(sql: """
                    CREATE ROLE \(role) LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT \
                    PASSWORD '\(verifier)'
                    """))
            } catch let error as PostgresError where error.sqlState == "42710" {
                throw Failure.loginExists(login)
            }
            try connection.execute(Query(sql: "GRANT projectyear_analyst TO \(role)"))
            for (setting, value) in timeLimits {
                try connection.execute(Query(sql: "ALTER ROLE \(role) SET \(setting) = '\(value)'"))
            }
            try connection.execute("INSERT INTO app.analyst_logins (login, agency_id) VALUES (\(login), \(agencyID))")
            return Created(login: login, agencyID: agencyID, agencyCode: agencyCode)
        }
    }
}
