import Campaign
import Demo
import Postgres
import Testing
import TestSupport

/// The demo loads the year as it stands on its today: nothing reported, counted or received
/// on a day that has not come, so year-to-date figures match the calendar.
@Suite struct SeedCountyCalendarTests {
    @Test func loadsOnlyWhatHasHappenedByToday() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            // MUT: loaded on 10 May 2026
            try DemoLoader.loadSeed(connection, year: 2026, today: CalendarDate(year: 2026, month: 5, day: 10)!, passwords: testPasswords)
            // validation: reports of January to April only, each submitted on a past day of the following month
            #expect(try connection.int("SELECT count(DISTINCT month) FROM app.monthly_reports") == 4)
            #expect(try connection.int("SELECT count(*) FROM app.monthly_reports WHERE month >= '2026-05-01'") == 0)
            #expect(try connection.int("""
                SELECT count(*) FROM app.monthly_reports
                 WHERE (submitted_at AT TIME ZONE 'Asia/Shanghai')::date >= '2026-05-10'
                    OR (submitted_at AT TIME ZONE 'Asia/Shanghai')::date < (month + interval '1 month')::date
                """) == 0)
            #expect(try connection.int("SELECT count(*) FROM app.monthly_reports WHERE month = '2026-04-01'") > 0)
            // statistics for the months that have ended, receipts of days that have passed
            #expect(try connection.int("SELECT count(*) FROM app.fai_statistics") == 10 * 4)
            #expect(try connection.int("SELECT count(*) FROM app.receipts WHERE received_on >= '2026-05-10'") == 0)
            #expect(try connection.int("SELECT count(*) FROM app.receipts") > 0)
        }
    }
}
