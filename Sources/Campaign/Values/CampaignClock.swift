import Foundation

/// What day it is for the campaign: the civil date in Asia/Shanghai (UTC+8, no daylight saving
/// since 1991). The server and the demo read it through this value, so tests can fix the date.
public struct CampaignClock: Sendable {
    /// The current instant.
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// The machine's clock.
    public static let system = CampaignClock()

    /// A clock that always reads noon of `date` in Asia/Shanghai.
    public static func fixed(_ date: CalendarDate) -> CampaignClock {
        let noon = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))!
        return CampaignClock { noon }
    }

    /// Today in Asia/Shanghai.
    public var today: CalendarDate {
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: now())
        return CalendarDate(uncheckedYear: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// The month of `today`.
    public var currentMonth: Month { today.yearMonth }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar
    }()
}
