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

    /// Today in Asia/Shanghai. From 1992 on, Shanghai's day is the UTC+8 day, counted from the
    /// epoch without Foundation's calendar (which cost every report's PUT a per cent of the
    /// server's CPU); earlier instants, when China still kept summer time, ask the calendar.
    public var today: CalendarDate {
        let instant = now()
        guard instant.timeIntervalSince1970 >= Self.fixedOffsetSince else {
            let parts = Self.calendar.dateComponents([.year, .month, .day], from: instant)
            return CalendarDate(uncheckedYear: parts.year!, month: parts.month!, day: parts.day!)
        }
        let day = Int(((instant.timeIntervalSince1970 + 8 * 3600) / 86_400).rounded(.down))
        return Self.civilDate(daysSinceEpoch: day)
    }

    /// 1992-01-01 00:00 UTC: Asia/Shanghai has had no offset but UTC+8 since September 1991.
    private static let fixedOffsetSince: TimeInterval = 694_224_000

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`),
    /// for days on or after the epoch.
    private static func civilDate(daysSinceEpoch days: Int) -> CalendarDate {
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return CalendarDate(
            uncheckedYear: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month,
            day: dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar
    }()
}
