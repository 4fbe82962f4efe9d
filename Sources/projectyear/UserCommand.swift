import API
import ArgumentParser
import Campaign
import Foundation
import Postgres
import Store

/// `projectyear user add` creates a user to bootstrap the county and `projectyear user password`
/// resets one (as the database owner). Passwords are read from standard input so they never
/// appear in the process list or shell history.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage users of agencies.",
        subcommands: [Add.self, Password.self]
    )

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "Set a user's password from standard input; ends the user's sessions and sign-in waits.",
            discussion: "Example: printf '%s\\n' \"$PASSWORD\" | projectyear user password --username yuqing.admin"
        )

        @Option(help: "The user's sign-in name.")
        var username: String

        func run() async throws {
            try await reportingErrors {
                let password = Add.readPassword()
                if let problem = AccountRules.passwordProblem(password) {
                    throw CommandFailure("the password on standard input \(problem.text(.en))")
                }
                let settings = try await loadSettings()
                let connection = try connectAdmin(settings)
                defer { connection.close() }
                let hash = try await PasswordHasher.hash(password)
                guard let ended = try UserQueries.resetPassword(username: username, hash: hash, on: connection) else {
                    throw CommandFailure("no user named \(username); list users with GET /api/v1/users")
                }
                print("set the password of \(username); ended \(ended) session(s)")
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Create a user; the password (at least 8 characters) is read from standard input."
        )

        @Option(help: "The code of the user's agency.")
        var agency: String

        @Option(help: "The user's sign-in name (1-64 of A-Z a-z 0-9 . _ @ -).")
        var username: String

        @Option(help: "admin, editor or viewer.")
        var role: String

        @Option(name: .customLong("display-name"), help: "The name shown to others (default: the username).")
        var displayName: String?

        func validate() throws {
            if let problem = AccountRules.usernameProblem(username) { throw ValidationError("--username \(problem.text(.en))") }
            if UserRole(rawValue: role) == nil {
                throw ValidationError("--role must be one of \(UserRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let displayName, displayName.trimmingWhiteSpace().isEmpty || displayName.count > 200 {
                throw ValidationError("--display-name must be 1 to 200 characters")
            }
        }

        func run() async throws {
            try await reportingErrors {
                let password = Self.readPassword()
                if let problem = AccountRules.passwordProblem(password) {
                    throw CommandFailure("the password on standard input \(problem.text(.en))")
                }
                let settings = try await loadSettings()
                let connection = try connectAdmin(settings)
                guard let agencyRecord = try AgencyQueries.find(code: agency, on: connection) else {
                    throw CommandFailure("no agency with code \(agency); create it with: projectyear agency add")
                }
                let hash = try await PasswordHasher.hash(password)
                let new = NewUser(
                    username: username,
                    displayName: (displayName ?? username).trimmingWhiteSpace(),
                    passwordHash: hash, agencyID: agencyRecord.summary.id, role: UserRole(rawValue: role)!
                )
                let record: UserRecord
                do {
                    record = try UserQueries.insert(new, on: connection)
                } catch let error as PostgresError where error.isUniqueViolation {
                    throw CommandFailure("a user named \(username) already exists")
                }
                print("created user \(record.username) (\(record.role.rawValue) of \(record.agency.code)) with id \(record.id)")
            }
        }

        /// Standard input without its final line break.
        static func readPassword() -> String {
            var text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            // "\r\n" is a single Character in Swift, so one removeLast drops either ending.
            if text.hasSuffix("\r\n") || text.hasSuffix("\n") { text.removeLast() }
            return text
        }
    }
}
