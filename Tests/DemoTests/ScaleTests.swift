import Demo
import Postgres
import Testing
import TestSupport

@Suite struct ScaleTests {
    @Test func rowCountsFollowTheArguments() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            // MUT
            let summary = try DemoLoader.loadScale(connection, counties: 3, seed: 42, year: 2026, projectsPerCounty: 200,
                                                   passwords: testPasswords)
            // validation
            let expected = ["agencies": 3 * 19, "users": 3 * 19 * 3, "projects": 3 * 200, "monthly_reports": 3 * 200 * 12,
                            "deals": 3 * 50, "attraction_teams": 3 * 7, "parks": 3 * 11, "financing_platforms": 3 * 11,
                            "targets": 3 * 18 * 5, "fai_statistics": 3 * 10 * 12]
            for (table, rows) in expected {
                #expect(summary.counts[table] == rows, "\(table)")
                #expect(try connection.int(Query(sql: "SELECT count(*) FROM app.\(table)")) == rows, "\(table)")
            }
            #expect(try connection.int("SELECT count(*) FROM app.agencies WHERE kind = 'county'") == 3)
            // one to three receipts per deal
            let receipts = try connection.int("SELECT count(*) FROM app.receipts")
            #expect((3 * 50...3 * 50 * 3).contains(receipts) && summary.counts["receipts"] == receipts)
        }
    }

    @Test func theSameSeedGivesTheSameRows() async throws {
        let load: @Sendable (UInt64) async throws -> [String] = { seed in
            try await TestDatabase.with { database in
                let connection = try database.connect()
                try DemoLoader.loadScale(connection, counties: 2, seed: seed, year: 2026, projectsPerCounty: 30, passwords: testPasswords)
                return try connection.query("""
                    SELECT md5(string_agg(concat_ws('|', code, name, owner, stage, total_investment, actual_start), ',' ORDER BY code)) FROM app.projects
                    UNION ALL
                    SELECT md5(string_agg(concat_ws('|', p.code, r.month, r.investment_completed, r.progress), ',' ORDER BY p.code, r.month))
                      FROM app.monthly_reports r JOIN app.projects p ON p.id = r.project_id
                    """).map { try $0.decode(0, as: String.self) }
            }
        }
        let first = try await load(9)
        #expect(try await load(9) == first)
        #expect(try await load(10) != first)
    }

    @Test func generatedReferencesAreValid() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try DemoLoader.loadScale(connection, counties: 2, seed: 3, year: 2026, projectsPerCounty: 60, passwords: testPasswords)
            // Triggers (and with them foreign-key checks) are off during a scale load: check by hand.
            let orphans = try connection.int("""
                SELECT (SELECT count(*) FROM app.projects p LEFT JOIN app.agencies d ON d.id = p.district_id AND d.kind = 'district' WHERE d.id IS NULL)
                     + (SELECT count(*) FROM app.projects p LEFT JOIN app.agencies d ON d.id = p.lead_department_id AND d.kind = 'department' WHERE d.id IS NULL)
                     + (SELECT count(*) FROM app.projects p LEFT JOIN app.parks k ON k.id = p.park_id WHERE p.park_id IS NOT NULL AND k.id IS NULL)
                     + (SELECT count(*) FROM app.monthly_reports r LEFT JOIN app.projects p ON p.id = r.project_id WHERE p.id IS NULL)
                     + (SELECT count(*) FROM app.monthly_reports r LEFT JOIN app.users u ON u.id = r.submitted_by WHERE u.id IS NULL)
                     + (SELECT count(*) FROM app.funding_sources f LEFT JOIN app.financing_platforms k ON k.id = f.platform_id WHERE f.platform_id IS NOT NULL AND k.id IS NULL)
                     + (SELECT count(*) FROM app.approvals a LEFT JOIN app.agencies d ON d.id = a.department_id AND d.kind = 'department' WHERE d.id IS NULL)
                     + (SELECT count(*) FROM app.deals x LEFT JOIN app.attraction_teams t ON t.id = x.team_id WHERE t.id IS NULL)
                     + (SELECT count(*) FROM app.deals x LEFT JOIN app.projects p ON p.id = x.project_id WHERE x.project_id IS NOT NULL AND p.id IS NULL)
                     + (SELECT count(*) FROM app.receipts r LEFT JOIN app.deals x ON x.id = r.deal_id WHERE x.id IS NULL)
                     + (SELECT count(*) FROM app.park_items i JOIN app.parks k ON k.id = i.park_id WHERE NOT i.item = ANY (app.park_standard_items(k.standard)))
                     + (SELECT count(*) FROM app.fai_statistics s LEFT JOIN app.agencies d ON d.id = s.agency_id AND d.kind = 'district' WHERE d.id IS NULL)
                """)
            #expect(orphans == 0)
            // the server's next insert continues after the generated ids
            try connection.execute("INSERT INTO app.agencies (code, name, kind) VALUES ('after', '之后', 'district')")
            #expect(try connection.int("SELECT max(id) FROM app.agencies") == 2 * 19 + 1)
        }
    }

    @Test func aScaleOfZeroOrLessIsRefused() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            for scale in [0, -2] {
                #expect(throws: DemoError.badScale(scale)) {
                    try DemoLoader.loadScale(connection, counties: scale, seed: 1, year: 2026, passwords: testPasswords)
                }
            }
            #expect(try connection.int("SELECT count(*) FROM app.agencies") == 0)
        }
    }
}
