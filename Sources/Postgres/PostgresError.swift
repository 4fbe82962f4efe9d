/// An error from PostgreSQL or from this module, safe to log.
///
/// `description` never contains SQL text or parameter values: it names the SQLSTATE, the constraint,
/// table and column where PostgreSQL reported them. The server's own message is kept apart in
/// `serverMessage` for the few callers that raise their own messages (triggers) and want to show them.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, broadly.
    public enum Kind: Sendable, Equatable {
        /// Could not open a connection (bad URL, unreachable server, authentication).
        case connectionFailed
        /// The connection broke while in use (server restart, terminated backend).
        case connectionLost
        /// The server rejected a statement; see `sqlState`.
        case server
        /// No pooled connection became free in time.
        case poolTimeout
        /// The pool is shut down.
        case poolClosed
        /// A value could not be decoded into the requested Swift type.
        case decoding
        /// The program broke a rule of this module (a statement sent after its transaction's
        /// `COMMIT` went out): nothing was sent.
        case misuse
    }

    public var kind: Kind
    /// The five-character SQLSTATE, when the server reported one.
    public var sqlState: String?
    /// The constraint PostgreSQL named (unique, check, foreign key, or one raised by a trigger).
    public var constraint: String?
    public var table: String?
    public var column: String?
    /// The server's primary message. Not for logs: data exceptions (class 22) may quote input values.
    public var serverMessage: String?
    /// A short explanation written by this module, never containing data values.
    public var reason: String
    /// A cached prepared statement went stale inside a transaction: the unit of work may be run again.
    var staleStatement = false

    public init(
        _ kind: Kind, reason: String, sqlState: String? = nil, constraint: String? = nil,
        table: String? = nil, column: String? = nil, serverMessage: String? = nil
    ) {
        self.kind = kind
        self.reason = reason
        self.sqlState = sqlState
        self.constraint = constraint
        self.table = table
        self.column = column
        self.serverMessage = serverMessage
    }

    public var description: String {
        var parts = ["PostgresError(\(kind)): \(reason)"]
        if let sqlState { parts.append("sqlstate=\(sqlState)") }
        if let constraint { parts.append("constraint=\(constraint)") }
        if let table { parts.append("table=\(table)") }
        if let column { parts.append("column=\(column)") }
        return parts.joined(separator: " ")
    }

    /// True for unique violations (23505).
    public var isUniqueViolation: Bool { sqlState == SQLState.uniqueViolation }
}

/// SQLSTATE codes this project reacts to.
public enum SQLState {
    public static let uniqueViolation = "23505"
    public static let foreignKeyViolation = "23503"
    public static let checkViolation = "23514"
    public static let notNullViolation = "23502"
    public static let insufficientPrivilege = "42501"
    public static let serializationFailure = "40001"
    public static let deadlockDetected = "40P01"
    public static let raiseException = "P0001"
    public static let adminShutdown = "57P01"
    /// Also "cached plan must not change result type", when a prepared statement's columns changed.
    public static let featureNotSupported = "0A000"
    /// "prepared statement does not exist".
    public static let invalidStatementName = "26000"
    public static let crashShutdown = "57P02"
    public static let cannotConnectNow = "57P03"
    public static let readOnlyTransaction = "25006"
    /// Raised by the state triggers (a published assessment, an approved report).
    public static let objectNotInPrerequisiteState = "55000"
}
