import Assessment
import Campaign
import Foundation
import Logging
import Postgres
import Store
import TestSupport

/// A small county whose rankings are computed by hand in the tests: departments DEP1 (leads
/// P1, P2, P4, P6 and team T1) and DEP2 (no targets: listed, not ranked); districts D1, D2, D3.
///
/// Cumulative actuals of 2026 (Q1 / Q2 / Q3 / year):
/// - fai: D1 300/600/900/1200, D2 200/500/750/950, D3 500/900/1500/2000
/// - major investment: P1 (D1) 150/450/600/600, P2 (D2) 100/300/300/300, P4 (D3) 0/0/300/400;
///   P3 is not major (never counts)
/// - new starts: P1 on 02-10 (D1, DEP1), P4 on 08-01 (D3, DEP1); P2 started in 2025
/// - completions: P2 on 05-20 (D2, DEP1)
/// - funds in place: deal A (D1, T1) 50/150/150/230, deal B (D2, T1) 30/30/100/100
struct County {
    var ids: [String: Int64]

    subscript(_ code: String) -> Int64 { ids[code]! }

    static let year = 2026

    static func create(on connection: Connection) throws -> County {
        var ids: [String: Int64] = [:]
        for (code, kind) in [("CTY", "county"), ("DEP1", "department"), ("DEP2", "department"),
                             ("D1", "district"), ("D2", "district"), ("D3", "district")] {
            ids[code] = try connection.query(
                "INSERT INTO app.agencies (code, name, kind) VALUES (\(code), \(code + " name"), \(kind)) RETURNING id"
            )[0].decode("id")
        }
        func targets(_ agency: String, _ values: [String: Decimal?]) throws {
            for (indicator, amount) in values {
                try connection.execute("""
                    INSERT INTO app.targets (year, agency_id, indicator, amount) VALUES (\(year), \(ids[agency]!), \(indicator), \(amount))
                    """)
            }
        }
        try targets("D1", ["fai": 1000, "major_investment": 500, "new_starts": 2, "completions": 1, "attraction_funds": 200])
        try targets("D2", ["fai": 1000, "major_investment": 400, "new_starts": 1, "completions": nil, "attraction_funds": 100])
        try targets("D3", ["fai": 2000, "attraction_funds": 0])
        try targets("DEP1", ["major_investment": 600, "new_starts": 2, "attraction_funds": 300])

        let fai: [String: [Int: Decimal]] = [
            "D1": Dictionary(uniqueKeysWithValues: (1...12).map { ($0, Decimal(100)) }),
            "D2": [1: 50, 2: 50, 3: 100, 4: 100, 5: 100, 6: 100, 7: 100, 8: 100, 9: 50, 10: 100, 11: 50, 12: 50],
            "D3": [3: 500, 6: 400, 9: 600, 12: 500],
        ]
        for (agency, months) in fai {
            for (month, amount) in months {
                try connection.execute("""
                    INSERT INTO app.fai_statistics (agency_id, month, amount)
                    VALUES (\(ids[agency]!), make_date(\(year), \(month), 1), \(amount))
                    """)
            }
        }
        // code, district, lead, major, stage, actual start, actual completion, planned start
        let projects: [(String, String, String, Bool, String, String?, String?, String?)] = [
            ("P1", "D1", "DEP1", true, "construction", "2026-02-10", nil, nil),
            ("P2", "D2", "DEP1", true, "completed", "2025-06-01", "2026-05-20", nil),
            ("P3", "D1", "DEP2", false, "construction", "2026-01-05", nil, nil),
            ("P4", "D3", "DEP1", true, "construction", "2026-08-01", nil, nil),
            ("P5", "D3", "DEP2", true, "preliminary", nil, nil, "2026-03-01"),
            ("P6", "D1", "DEP1", true, "construction", "2025-01-01", nil, nil),
        ]
        for (code, district, lead, major, stage, start, completion, planned) in projects {
            ids[code] = try connection.query("""
                INSERT INTO app.projects (code, name, category, stage, major, district_id, lead_department_id,
                                          actual_start, actual_completion, planned_start, national_code)
                VALUES (\(code), \(code + " name"), 'industry', \(stage), \(major), \(ids[district]!), \(ids[lead]!),
                        \(start)::date, \(completion)::date, \(planned)::date, \("2025-520329-34-03-00000" + code.dropFirst()))
                RETURNING id
                """)[0].decode("id")
        }
        let reports: [String: [Int: Decimal]] = [
            "P1": [1: 50, 2: 60, 3: 40, 4: 100, 5: 100, 6: 100, 7: 50, 8: 50, 9: 50, 10: 0, 11: 0, 12: 0],
            "P2": [1: 30, 2: 30, 3: 40, 4: 100, 5: 100],
            "P3": [1: 999],
            "P4": [8: 200, 9: 100, 10: 100],
        ]
        for (project, months) in reports {
            for (month, amount) in months {
                try report(project: ids[project]!, month: month, amount: amount, on: connection)
            }
        }
        let team: Int64 = try connection.query(
            "INSERT INTO app.attraction_teams (name, lead_department_id) VALUES ('T1', \(ids["DEP1"]!)) RETURNING id"
        )[0].decode("id")
        let deals: [(String, String, [(String, Int)])] = [
            ("A", "D1", [("2025-12-31", 999), ("2026-02-01", 50), ("2026-05-01", 100), ("2026-11-01", 80)]),
            ("B", "D2", [("2026-03-15", 30), ("2026-09-30", 70)]),
        ]
        for (deal, district, receipts) in deals {
            let id: Int64 = try connection.query("""
                INSERT INTO app.deals (team_id, investor, investor_kind, signed_amount, signed_on, district_id)
                VALUES (\(team), \("Investor " + deal), 'private', 1000, '2025-12-01', \(ids[district]!)) RETURNING id
                """)[0].decode("id")
            for (day, amount) in receipts {
                try connection.execute("INSERT INTO app.receipts (deal_id, received_on, amount) VALUES (\(id), \(day)::date, \(amount))")
            }
        }
        return County(ids: ids)
    }

    /// A month's report, submitted on time (the 1st of the following month).
    static func report(project: Int64, month: Int, amount: Decimal, on connection: Connection) throws {
        try connection.execute("""
            INSERT INTO app.monthly_reports (project_id, month, investment_completed, submitted_at)
            VALUES (\(project), make_date(\(year), \(month), 1), \(amount),
                    (make_date(\(year), \(month), 1) + interval '1 month') AT TIME ZONE 'Asia/Shanghai')
            """)
    }

    /// Queues a run as the API would; returns its id.
    static func queue(_ period: Period, on connection: Connection) throws -> Int64 {
        try connection.query(
            "INSERT INTO app.assessment_runs (year, period) VALUES (\(year), \(period.rawValue)) RETURNING id")[0].decode("id")
    }

    static func status(_ run: Int64, on connection: Connection) throws -> String {
        try connection.query("SELECT status FROM app.assessment_runs WHERE id = \(run)")[0].decode("status")
    }

    static func publish(_ run: Int64, on connection: Connection) throws {
        try connection.execute("UPDATE app.assessment_runs SET status = 'published' WHERE id = \(run)")
    }

    static func results(_ run: Int64, _ period: Period, on connection: Connection) throws -> RankingGroups {
        try AssessmentRunQueries.results(runID: run, period: period, on: connection)
    }
}

extension TestDatabase {
    /// A worker on this database.
    func worker(_ name: String, pool: ConnectionPool, lease: Duration = .seconds(30), poll: Duration = .seconds(30)) -> AssessmentWorker {
        AssessmentWorker(
            database: Database(pool: pool),
            options: .init(name: name, poll: poll, lease: lease),
            logger: Logger(label: "test.worker.\(name)"))
    }
}

/// An exact decimal from text.
func d(_ text: String) -> Decimal { Decimal(string: text)! }

/// A group as `code: "rank score"` ("-" for none).
func table(_ entries: [RankingEntry]) -> [String: String] {
    Dictionary(uniqueKeysWithValues: entries.map { entry in
        (entry.agency.code, "\(entry.rank.map(String.init) ?? "-") \(entry.score.map { "\($0)" } ?? "-")")
    })
}
