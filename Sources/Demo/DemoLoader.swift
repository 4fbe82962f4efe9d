#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Campaign
import Postgres
import Store

/// Loads the demo data: the seed county, or a synthetic province for benchmarks.
///
/// A load is one transaction: it either completes or leaves the database as it was. The seed
/// county is written with every trigger on, so history, audit columns and the cross-table rules
/// (agency kinds, park standards, land quota) are enforced as for any client. The scale load
/// runs with `session_replication_role = replica` when it can (superuser): triggers, and with
/// them history and the foreign-key checks, are skipped for speed; the generator makes every
/// reference valid by construction and the audit columns take their defaults.
public enum DemoLoader {
    /// bcrypt cost of the demo users' passwords (as for real users).
    public static let bcryptCost: UInt8 = 12

    /// Loads the seed county into an empty database as it stands on `today` (reports, statistics
    /// and receipts only from the days before it).
    /// - Returns: nil when the demo is already there (nothing is changed).
    /// - Throws: `DemoError.foreignData` when the database holds other data, unless `force`.
    @discardableResult
    public static func loadSeed(
        _ connection: Connection, year: Int, today: CalendarDate, passwords: DemoPasswords, force: Bool = false,
        progress: TerminalProgress? = nil
    ) throws -> LoadSummary? {
        switch try DatabaseContents.inspect(connection) {
        case .demo: return nil
        case .other where !force: throw DemoError.foreignData
        default: break
        }
        let started = now()
        let hashes = passwords.hashes(cost: bcryptCost)
        var plan = SeedCounty.plan(year: year, today: Day(today.year, today.month, today.day))
        let total = rowEstimate(plan)
        return try connection.withTransaction { connection in
            let ids = try TableIds.lockAndRead(connection)
            var notes: [String] = []
            if try DemoLoadQueries.landQuotaExists(year: year, on: connection) {
                plan.landQuota = nil
                plan.landAllocations = []
                notes.append("a \(year) land quota already exists: land allocations were not loaded")
            }
            let writer = PlanWriter(connection: connection, passwordHashes: hashes, ids: ids)
            var done = 0
            writer.onRows = { table, rows in
                done += rows
                progress?.update(done, of: total, note: "\(table)")
            }
            try writer.write(plan, categoryLeads: try categoryLeadsMissing(connection))
            try writer.ids.advanceSequences(connection)
            let daily = try DemoDailyWork.apply(connection, year: year)
            progress?.finish()
            return LoadSummary(
                counts: writer.counts.merging(daily.counts) { $0 + $1 }, seconds: now() - started, passwords: passwords,
                notes: notes + daily.notes)
        }
    }

    /// Loads `counties` synthetic counties of `projectsPerCounty` projects each; with `years`, also
    /// that many campaign years of history ending in `year` (`PastYearsQueries`): plans, and each
    /// report's history row.
    @discardableResult
    public static func loadScale(
        _ connection: Connection, counties: Int, seed: UInt64, year: Int, projectsPerCounty: Int = 2_000,
        years: Int? = nil, passwords: DemoPasswords, force: Bool = false, progress: TerminalProgress? = nil
    ) throws -> LoadSummary {
        guard counties > 0 else { throw DemoError.badScale(counties) }
        guard (1...100_000).contains(projectsPerCounty) else { throw DemoError.badProjectsPerCounty(projectsPerCounty) }
        if try DatabaseContents.inspect(connection) != .empty, !force { throw DemoError.foreignData }
        let started = now()
        let hashes = passwords.hashes(cost: bcryptCost)
        return try connection.withTransaction { connection in
            var notes: [String] = []
            if try DemoLoadQueries.skipTriggersIfSuperuser(on: connection) {
                notes.append("triggers off (session_replication_role = replica): no history rows for generated data")
            } else {
                notes.append("not a superuser: loaded with triggers on (history recorded, slower)")
            }
            let ids = try TableIds.lockAndRead(connection)
            let writer = PlanWriter(connection: connection, passwordHashes: hashes, ids: ids)
            var leads = try categoryLeadsMissing(connection)
            for index in 1...counties {
                let plan = ScaleCounty.plan(index: index, seed: seed, year: year, projects: projectsPerCounty)
                try writer.write(plan, categoryLeads: leads)
                leads = false
                let rows = writer.counts.values.reduce(0, +)
                progress?.update(index, of: counties, note: "county \(index)/\(counties) · \(rows.formatted) rows · \(Int(now() - started)) s")
            }
            try writer.ids.advanceSequences(connection)
            var counts = writer.counts
            if let years {
                counts["investment_plans", default: 0] += try PastYearsQueries.planFromReports(on: connection)
                for (table, rows) in try PastYearsQueries.repeatYear(year, back: years - 1, on: connection) { counts[table, default: 0] += rows }
                counts["history", default: 0] += try PastYearsQueries.recordReportHistory(on: connection)
                notes.append("\(years) campaign year\(years == 1 ? "" : "s") of history, \(year - years + 1)–\(year): earlier years repeat \(year)'s figures")
            }
            progress?.finish()
            return LoadSummary(counts: counts, seconds: now() - started, passwords: passwords, notes: notes)
        }
    }

    private static func categoryLeadsMissing(_ connection: Connection) throws -> Bool {
        try DemoLoadQueries.categoryLeadsMissing(on: connection)
    }

    /// Rows the seed plan will write, for the progress bar.
    private static func rowEstimate(_ plan: CountyPlan) -> Int {
        let reports = plan.projects.indices.reduce(0) { $0 + plan.reports(of: $1).count }
        let children = plan.projects.reduce(0) { $0 + $1.funding.count + $1.approvals.count + $1.problems.count }
        return plan.agencies.count + plan.users.count + plan.categoryLeads.count + plan.platforms.count
            + plan.parks.reduce(plan.parks.count) { $0 + $1.items.count } + plan.projects.count + reports + children
            + plan.landAllocations.count + plan.teams.count + plan.deals.reduce(plan.deals.count) { $0 + $1.receipts.count }
            + plan.targets.count + plan.faiStatistics.count * 12
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

extension Int {
    /// `1234567` → `1,234,567`.
    var formatted: String {
        let digits = Array(String(self))
        return String(digits.enumerated().flatMap { i, c in
            (i > 0 && (digits.count - i) % 3 == 0) ? [",", c] : [c]
        })
    }
}
