import ArgumentParser
import Campaign
import Demo
import Foundation
import Postgres

/// `projectyear demo`: loads the seed county, or with `--scale N` a synthetic province.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the demo county of the campaign plan (余庆县), or a synthetic province with --scale.",
        discussion: """
            Loads into an empty, migrated database; a second run reports that the demo is already loaded \
            and changes nothing. Demo users are <agency code>.<role> (e.g. yuqing.admin, nanming.editor); \
            one password per role is printed once at the end, or taken from DEMO_ADMIN_PASSWORD, \
            DEMO_EDITOR_PASSWORD and DEMO_VIEWER_PASSWORD.
            """
    )

    @Flag(help: "Load only when the database holds no agencies; otherwise say so and succeed.")
    var ifEmpty = false

    @Flag(help: "Load even though the database holds other data.")
    var force = false

    @Option(parsing: .unconditional, help: "Generate N synthetic counties (each 19 agencies, --projects-per-county projects, 12 reports per project).")
    var scale: Int?

    @Option(help: "Seed of the synthetic data (--scale); the same seed gives the same rows.")
    var seed: UInt64 = 1

    @Option(help: "Projects per synthetic county (--scale).")
    var projectsPerCounty = 2_000

    @Option(help: "The campaign year (default: the current year in Asia/Shanghai).")
    var year: Int?

    func validate() throws {
        if let scale, scale <= 0 {
            throw ValidationError("--scale must be a positive number of counties (got \(scale)); for example --scale 100 for about 200,000 projects")
        }
        if !(1...100_000).contains(projectsPerCounty) {
            throw ValidationError("--projects-per-county must be between 1 and 100000 (got \(projectsPerCounty))")
        }
        if let year, !(2000...2099).contains(year) {
            throw ValidationError("--year must be between 2000 and 2099 (got \(year))")
        }
    }

    func run() async throws {
        try await reportingErrors {
            let settings = try await loadSettings()
            let connection = try connectAdmin(settings)
            defer { connection.close() }
            let contents = try DatabaseContents.inspect(connection)
            if ifEmpty, contents != .empty {
                print(contents == .demo ? "demo data already loaded" : "database has data; not loading the demo")
                return
            }
            let year = year ?? Self.currentYear()
            let passwords = DemoPasswords.from(environment: ProcessInfo.processInfo.environment)
            let summary: LoadSummary
            if let scale {
                if contents != .empty, !force { throw CommandFailure(DemoError.foreignData.description) }
                summary = try DemoLoader.loadScale(
                    connection, counties: scale, seed: seed, year: year, projectsPerCounty: projectsPerCounty,
                    passwords: passwords, force: force, progress: TerminalProgress(label: "generating")
                )
                print("loaded \(scale) synthetic count\(scale == 1 ? "y" : "ies") for \(year) (seed \(seed)):")
            } else {
                guard let loaded = try DemoLoader.loadSeed(
                    connection, year: year, today: CampaignClock.system.today, passwords: passwords, force: force,
                    progress: TerminalProgress(label: "loading")
                ) else {
                    print("demo data already loaded")
                    return
                }
                summary = loaded
                print("loaded the demo county 余庆县 for \(year):")
            }
            print(summary.report)
            print("""
                users: <agency code>.<role>, e.g. yuqing.admin (county), drc.editor (department), nanming.viewer (district)\(scale != nil ? "; p0001-county.admin at scale" : "")
                passwords (shown once):
                  admin   \(passwords.admin)
                  editor  \(passwords.editor)
                  viewer  \(passwords.viewer)
                """)
        }
    }

    /// The year in the county's time zone (UTC+8, no daylight saving).
    static func currentYear() -> Int { CampaignClock.system.today.year }
}
