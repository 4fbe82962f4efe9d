import Campaign
import Foundation
import Testing

/// "A month that has not begun" (nothing is reported or attached for it), asked of the clock.
@Suite struct CampaignClockTests {
    @Test func theCurrentMonthAndEarlierOnesHaveBegun() {
        // setup
        let clock = CampaignClock.fixed(CalendarDate(year: 2026, month: 3, day: 31)!)
        // MUT / validate
        #expect(clock.notBegun(Month(year: 2026, month: 3)!) == nil)
        #expect(clock.notBegun(Month(year: 2025, month: 12)!) == nil)
    }

    @Test func aLaterMonthHasNotBegunAndSaysWhichDayItIs() throws {
        // setup
        let clock = CampaignClock.fixed(CalendarDate(year: 2026, month: 3, day: 31)!)
        // MUT
        let refusal = try #require(clock.notBegun(Month(year: 2026, month: 4)!))
        // validate
        #expect(refusal.code == .monthNotBegun)
        #expect(refusal.arguments["today_code"] == "2026-03-31" && refusal.arguments["month_code"] == "2026-04")
    }

    @Test func theMonthTurnsInShanghaiNotInUTC() {
        // setup: 2026-03-31 16:30 UTC is already 1 April in Asia/Shanghai
        let clock = CampaignClock { Date(timeIntervalSince1970: 1_774_974_600) }
        // MUT / validate
        #expect(clock.notBegun(Month(year: 2026, month: 4)!) == nil)
    }
}
