import Foundation
import Postgres
import Testing
import TestSupport

/// `agency add` and `user add` bootstrap a county from the shell.
@Suite struct BootstrapCommandTests {
    @Test func agencyAndUserAddWithClearErrors() async throws {
        try await TestDatabase.with { database in
            let environment = ["DATABASE_URL": database.url]
            // setup / MUT
            let agency = try ExecutableRunner.run(["agency", "add", "--code", "CTY", "--name", "县政府", "--kind", "county"], environment: environment)
            #expect(agency.status == 0)
            #expect(agency.output.hasPrefix("created agency CTY (county)"))
            let duplicate = try ExecutableRunner.run(["agency", "add", "--code", "CTY", "--name", "again", "--kind", "county"], environment: environment)
            #expect(duplicate.status == 1)
            #expect(duplicate.errors == "projectyear: error: an agency with code CTY already exists\n")
            let badKind = try ExecutableRunner.run(["agency", "add", "--code", "X", "--name", "x", "--kind", "province"], environment: environment)
            #expect(badKind.status != 0)
            #expect(badKind.errors.contains("county, department, district"))
            let district = try ExecutableRunner.run(
                ["agency", "add", "--code", "D1", "--name", "龙溪镇", "--kind", "district", "--division-code", "520329"], environment: environment
            )
            #expect(district.status == 0, "\(district.errors)")
            let badDivision = try ExecutableRunner.run(
                ["agency", "add", "--code", "D2", "--name", "x", "--kind", "district", "--division-code", "52032"], environment: environment
            )
            #expect(badDivision.status == 1)
            #expect(badDivision.errors == "projectyear: error: --division-code must be 6 digits, such as 520329 (got \"52032\")\n")

            let user = try ExecutableRunner.run(
                ["user", "add", "--agency", "CTY", "--username", "chief", "--role", "admin"], environment: environment, input: "long-enough-secret\n"
            )
            #expect(user.status == 0)
            #expect(user.output.contains("created user chief (admin of CTY)"))
            #expect(!user.output.contains("long-enough-secret") && !user.errors.contains("long-enough-secret"))
            let short = try ExecutableRunner.run(
                ["user", "add", "--agency", "CTY", "--username", "deputy", "--role", "editor"], environment: environment, input: "short\n"
            )
            #expect(short.status == 1)
            #expect(short.errors.contains("password"))
            let unknown = try ExecutableRunner.run(
                ["user", "add", "--agency", "NOPE", "--username", "deputy", "--role", "editor"], environment: environment, input: "long-enough-secret\n"
            )
            #expect(unknown.errors == "projectyear: error: no agency with code NOPE; create it with: projectyear agency add\n")
            // validation: the stored hash is bcrypt, never the password
            let hash: String = try database.connect().query("SELECT password_hash FROM app.users WHERE username = 'chief'")[0].decode("password_hash")
            #expect(hash.hasPrefix("$2"))
            let divisions = try database.connect().query("SELECT code, division_code FROM app.agencies WHERE code IN ('CTY', 'D1', 'D2') ORDER BY code")
            #expect(try divisions.map { try $0.decode("division_code", as: String?.self) } == [nil, "520329"], "D2 was not created")
        }
    }
}
