import ArgumentParser
import Foundation
import Postgres
import Store

/// `projectyear analyst add --agency CODE --login NAME`: an analyst's PostgreSQL login.
struct AnalystCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyst",
        abstract: "Manage analysts' PostgreSQL logins (read-only access to schema reporting).",
        subcommands: [Add.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Create a PostgreSQL login that sees, through schema reporting, what a user of the agency sees.",
            discussion: """
                The password is read from the first line of standard input (at least \(AnalystQueries.minimumPasswordLength) \
                characters) and hashed here (SCRAM-SHA-256) before it is sent. Run with a DATABASE_URL whose role may \
                create roles (the one that runs migrations).
                Example: printf '%s\\n' "$PASSWORD" | projectyear analyst add --agency D1 --login ana_d1
                """
        )

        @Option(help: "The code of the agency whose data the analyst sees (e.g. D1).")
        var agency: String

        @Option(help: "The PostgreSQL login name to create (letters, digits, '_', '.', '-').")
        var login: String

        func validate() throws {
            guard AnalystQueries.isValidLogin(login) else {
                throw ValidationError(AnalystQueries.Failure.invalidLogin(login).description)
            }
        }

        func run() async throws {
            try await reportingErrors {
                guard var password = readLine(strippingNewline: true) else {
                    throw CommandFailure("no password on standard input")
                }
                if password.hasSuffix("\r") { password.removeLast() }
                guard password.count >= AnalystQueries.minimumPasswordLength else {
                    throw CommandFailure(AnalystQueries.Failure.passwordTooShort.description)
                }
                let settings = try await loadSettings()
                bootstrapLogging(settings.logLevel)
                let connection = try connectAdmin(settings)
                defer { connection.close() }
                do {
                    let created = try AnalystQueries.add(agencyCode: agency, login: login, password: password, on: connection)
                    print("created analyst login \(created.login) for agency \(created.agencyCode)")
                } catch let failure as AnalystQueries.Failure {
                    throw CommandFailure(failure.description)
                }
            }
        }
    }
}
