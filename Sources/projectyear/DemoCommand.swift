import ArgumentParser
import Campaign
import Demo
import Foundation
import Logging
import Postgres
import Store

/// `projectyear demo`: loads the seed county, or with `--scale N` a synthetic province.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the demo county of the campaign plan (余庆县), or a synthetic province with --scale.",
        discussion: """
            Loads into an empty, migrated database; a second run reports that the demo is already loaded \
            and changes nothing. Demo users are <agency code>.<role> (e.g. yuqing.admin, nanming.editor); \
            one password per role is printed once at the end (and written to --passwords-file), or taken \
            from DEMO_ADMIN_PASSWORD, DEMO_EDITOR_PASSWORD and DEMO_VIEWER_PASSWORD. The seed county's \
            periods that have ended (this year's finished quarters) are ranked by the assessment worker's \
            code and published, as the county would have done.
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

    @Option(help: ArgumentHelp(
        "With --scale: load this many campaign years of history ending in --year (plans, and a history row for each report).",
        valueName: "count"))
    var years: Int?

    @Option(help: "Also write the demo users' passwords to this file, readable only by you (scripts/run: .data/demo-passwords.txt).")
    var passwordsFile: String?

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
        if let years {
            guard scale != nil else { throw ValidationError("--years needs --scale: the demo county holds one year") }
            guard (1...20).contains(years) else { throw ValidationError("--years must be between 1 and 20 (got \(years))") }
            if (year ?? Self.currentYear()) - years + 1 < 2000 { throw ValidationError("--years reaches before 2000") }
        }
        if let passwordsFile {
            let folder = URL(fileURLWithPath: passwordsFile).deletingLastPathComponent().path
            guard FileManager.default.isWritableFile(atPath: folder) else {
                throw ValidationError("--passwords-file: the folder \(folder) does not exist or is not writable; create it or choose another file")
            }
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
                    connection, counties: scale, seed: seed, year: year, projectsPerCounty: projectsPerCounty, years: years,
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
            if scale == nil {
                let published = try await publishRankings(settings)
                print(published.isEmpty
                    ? "rankings: no period has ended yet, nothing published"
                    : "rankings published: " + published.map { "\($0.year) \($0.period.rawValue)" }.joined(separator: ", "))
            }
            if let passwordsFile { try write(passwords, to: passwordsFile) }
            print("""
                users: <agency code>.<role>, e.g. yuqing.admin (county), drc.editor (department), nanming.viewer (district)\(scale != nil ? "; p0001-county.admin at scale" : "")
                passwords\(passwordsFile == nil ? " (shown once)" : ""):
                  admin   \(passwords.admin)
                  editor  \(passwords.editor)
                  viewer  \(passwords.viewer)
                """)
        }
    }

    /// Ranks and publishes the periods that have ended, with the owner's connections.
    private func publishRankings(_ settings: Settings) async throws -> [DemoRankings.Published] {
        let pool = ConnectionPool(configuration: .init(url: settings.adminURL, maxConnections: 2))
        var logger = Logger(label: "projectyear.demo")
        logger.logLevel = .warning
        do {
            let published = try await DemoRankings.publishFinishedPeriods(
                database: Database(pool: pool), today: CampaignClock.system.today, scheme: try settings.loadDefaultScheme(),
                logger: logger)
            await pool.shutdown()
            return published
        } catch {
            await pool.shutdown()
            throw error
        }
    }

    /// Writes the passwords to `path` with mode 0600 (created so, never readable by others).
    private func write(_ passwords: DemoPasswords, to path: String) throws {
        let text = """
            # ProjectYear demo users (<agency code>.<role>, e.g. yuqing.admin, drc.editor, nanming.viewer):
            # one password per role. A forgotten or changed one: projectyear user password --username U
            admin   \(passwords.admin)
            editor  \(passwords.editor)
            viewer  \(passwords.viewer)

            """
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.removeItem(at: url)
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure("cannot write the demo passwords to \(path): check that its folder exists and is writable")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(text.utf8))
        print("passwords written to \(path) (readable only by you)")
    }

    /// The year in the county's time zone (UTC+8, no daylight saving).
    static func currentYear() -> Int { CampaignClock.system.today.year }
}
