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

    @Test func todayIsTheCalendarsDayInShanghai() {
        // setup: Foundation's calendar in Asia/Shanghai is the reference; instants around every
        // midnight of 1990–1993 (summer time until September 1991), then random ones to 2200
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        var instants: [TimeInterval] = []
        for day in stride(from: 631_152_000.0, to: 757_382_400, by: 86_400) {
            instants += [day - 8 * 3600 - 1, day - 8 * 3600, day - 9 * 3600, day - 9 * 3600 - 1, day]
        }
        var generator = SystemRandomNumberGenerator()
        instants += (0..<20_000).map { _ in TimeInterval(Int.random(in: 694_224_000...7_258_118_400, using: &generator)) }
        for instant in instants {
            // MUT
            let today = CampaignClock { Date(timeIntervalSince1970: instant) }.today
            // validate
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: instant))
            #expect(today == CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!), "\(instant)")
        }
    }
}
