import Demo
import Postgres
import Testing
import TestSupport

@Suite struct SeedCountyTests {
    @Test func loadsTheCountyOfThePlan() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            // MUT
            let summary = try #require(try DemoLoader.loadSeed(connection, year: 2026, today: afterTheYear, passwords: testPasswords))
            // validation: the seed's numbers
            #expect(try connection.int("SELECT count(*) FROM app.agencies WHERE kind = 'department'") == 8)
            #expect(try connection.int("SELECT count(*) FROM app.agencies WHERE kind = 'district'") == 10)
            #expect(try connection.int("SELECT count(*) FROM app.agencies WHERE kind = 'district' AND name LIKE '%管委会'") == 2)
            #expect(try connection.int("SELECT count(*) FROM app.projects WHERE major AND category = 'industry'") == 48)
            #expect(try connection.int("SELECT count(*) FROM app.projects WHERE major AND category = 'services'") == 21)
            #expect(try connection.int("SELECT count(*) FROM app.parks") == 11)
            #expect(try connection.int("SELECT count(*) FROM app.financing_platforms") == 11)
            #expect(try connection.int("SELECT count(*) FROM app.attraction_teams") == 7)
            #expect(try connection.int("SELECT count(*) FROM app.deals WHERE investor_kind = 'central_soe'") >= 15)
            #expect(try connection.int("SELECT count(DISTINCT stage) FROM app.projects") == 7)
            #expect(try connection.int("SELECT count(*) FROM app.approvals WHERE decided_on - applied_on <= 8") > 0)
            #expect(try connection.int("SELECT count(DISTINCT platform_id) FROM app.funding_sources") == 11)
            #expect(try connection.int("SELECT count(*) FROM app.problems WHERE department_id IS NOT NULL") > 0)
            // every district and department has its five targets, and the teams' joint target is the seed's
            #expect(try connection.int("SELECT count(*) FROM app.targets WHERE year = 2026") == 18 * 5)
            #expect(try connection.int("""
                SELECT sum(t.amount)::bigint FROM app.targets t JOIN app.agencies a ON a.id = t.agency_id
                 WHERE a.kind = 'department' AND t.indicator = 'attraction_funds'
                """) == 1_100_000)
            #expect(try connection.int("SELECT count(DISTINCT month) FROM app.monthly_reports") == 12)
            #expect(try connection.int("SELECT count(*) FROM app.fai_statistics") == 10 * 12)
            #expect(try connection.int("SELECT count(*) FROM app.users") == 19 * 3)
            // land within the quota and its reserve
            #expect(try connection.int("""
                SELECT count(*) FROM app.land_quotas q WHERE q.reserved_mu >= (SELECT coalesce(sum(area_mu), 0) FROM app.land_allocations WHERE from_reserve)
                   AND q.quota_mu - q.reserved_mu >= (SELECT coalesce(sum(area_mu), 0) FROM app.land_allocations WHERE NOT from_reserve)
                """) == 1)
            // loaded through every trigger: history kept (and the reviews and escalations as updates)
            #expect(try connection.int("SELECT count(*) FROM app.history WHERE action = 'insert'") == summary.totalRows)
            #expect(summary.counts["projects"] == 181)
            // the daily work: every major project has a plan; reports approved, returned with a
            // comment, waiting; problems escalated; notifications with their code and name
            #expect(try connection.int("SELECT count(*) FROM app.investment_plans WHERE year = 2026")
                    == connection.int("SELECT count(*) FROM app.projects WHERE major"))
            for status in ["approved", "returned", "submitted"] {
                #expect(try connection.int("SELECT count(*) FROM app.monthly_reports WHERE status = \(status)") > 0, "\(status)")
            }
            #expect(try connection.int("SELECT count(*) FROM app.monthly_reports WHERE status = 'returned' AND review_comment IS NULL") == 0)
            #expect(try connection.int("SELECT count(*) FROM app.problems WHERE status = 'escalated'") > 0)
            #expect(try connection.int("SELECT count(*) FROM app.notifications WHERE kind = 'report_returned'") > 0)
            #expect(try connection.int("SELECT count(*) FROM app.notifications WHERE kind = 'problem_escalated'") > 0)
        }
    }

    @Test func rowLevelSecurityLimitsWhatAnAgencySees() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try DemoLoader.loadSeed(connection, year: 2026, today: afterTheYear, passwords: testPasswords)
            let all = try connection.int("SELECT count(*) FROM app.projects")
            let inNanming = try connection.int("""
                SELECT count(*) FROM app.projects p JOIN app.agencies a ON a.id = p.district_id WHERE a.code = 'nanming'
                """)
            // MUT
            let seen = try connection.asAgency("nanming") { try $0.int("SELECT count(*) FROM app.projects") }
            let reports = try connection.asAgency("nanming") { try $0.int("""
                SELECT count(*) FROM app.monthly_reports r JOIN app.projects p ON p.id = r.project_id
                 WHERE p.district_id <> (SELECT id FROM app.agencies WHERE code = 'nanming')
                """) }
            let county = try connection.asAgency("yuqing") { try $0.int("SELECT count(*) FROM app.projects") }
            // (besides the projects one of its users serves as commissioner, 包保)
            let agriculture = try connection.asAgency("agriculture") { try $0.int("""
                SELECT count(*) FROM app.projects WHERE category = 'industry' AND lead_department_id <> (SELECT id FROM app.agencies WHERE code = 'agriculture')
                   AND id NOT IN (SELECT s.project_id FROM app.project_service s JOIN app.users u ON u.id = s.commissioner_user_id)
                """) }
            let teams = try connection.asAgency("statistics") { try $0.int("SELECT count(*) FROM app.attraction_teams") }
            // validation
            #expect(inNanming > 0 && inNanming < all)
            #expect(seen == inNanming)
            #expect(reports == 0)
            #expect(county == all)
            #expect(agriculture == 0)
            #expect(teams == 0)
        }
    }

    @Test func secondRunChangesNothing() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try DemoLoader.loadSeed(connection, year: 2026, today: afterTheYear, passwords: testPasswords)
            let before = try connection.tableCounts()
            // MUT
            let second = try DemoLoader.loadSeed(connection, year: 2026, today: afterTheYear, passwords: testPasswords)
            // validation
            #expect(second == nil)
            #expect(try DatabaseContents.inspect(connection) == .demo)
            #expect(try connection.tableCounts() == before)
        }
    }

    @Test func refusesADatabaseWithOtherData() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            try connection.execute("INSERT INTO app.agencies (code, name, kind) VALUES ('other', '别的县', 'county')")
            // MUT + validation
            #expect(throws: DemoError.foreignData) {
                try DemoLoader.loadSeed(connection, year: 2026, today: afterTheYear, passwords: testPasswords)
            }
            #expect(try connection.int("SELECT count(*) FROM app.agencies") == 1)
            #expect(throws: DemoError.foreignData) {
                try DemoLoader.loadScale(connection, counties: 1, seed: 1, year: 2026, projectsPerCounty: 5, passwords: testPasswords)
            }
            // --force loads it alongside
            let forced = try DemoLoader.loadSeed(connection, year: 2026, today: afterTheYear, passwords: testPasswords, force: true)
            #expect(forced?.counts["agencies"] == 19)
            #expect(try connection.int("SELECT count(*) FROM app.agencies") == 20)
        }
    }

    @Test func refusesAnUnmigratedDatabase() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            #expect(throws: DemoError.notMigrated) {
                try DemoLoader.loadSeed(connection, year: 2026, today: afterTheYear, passwords: testPasswords)
            }
        }
    }
}
