import ArgumentParser
import Campaign
import Foundation
import Postgres
import Store

/// `projectyear agency add`: creates an agency to bootstrap the county (as the database owner).
struct AgencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency",
        abstract: "Manage agencies (county, departments, districts).",
        subcommands: [Add.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Create an agency.")

        @Option(help: "The agency's unique code (1-32 of A-Z a-z 0-9 . _ -).")
        var code: String

        @Option(help: "The agency's name.")
        var name: String

        @Option(help: "county, department or district.")
        var kind: String

        @Option(help: "The agency's 6-digit administrative division code (行政区划代码), such as 520329.")
        var divisionCode: String?

        func validate() throws {
            if let problem = AccountRules.agencyCodeProblem(code) { throw ValidationError("--code \(problem.text(.en))") }
            let trimmed = name.trimmingWhiteSpace()
            if trimmed.isEmpty || trimmed.count > 200 { throw ValidationError("--name must be 1 to 200 characters") }
            if AgencyKind(rawValue: kind) == nil {
                throw ValidationError("--kind must be one of \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            try await reportingErrors {
                // the API's check of `division_code`, answered on one line (no usage text)
                if let divisionCode, let problem = CodeRules.divisionCodeProblem(divisionCode) {
                    throw CommandFailure("--division-code \(problem.text(.en))")
                }
                let settings = try await loadSettings()
                let connection = try connectAdmin(settings)
                let record: AgencyRecord
                do {
                    record = try AgencyQueries.insert(
                        code: code, name: name.trimmingWhiteSpace(), kind: AgencyKind(rawValue: kind)!,
                        divisionCode: divisionCode, on: connection
                    )
                } catch let error as PostgresError where error.isUniqueViolation {
                    throw CommandFailure("an agency with code \(code) already exists")
                }
                print("created agency \(record.summary.code) (\(record.summary.kind.rawValue)) with id \(record.summary.id)")
            }
        }
    }
}
