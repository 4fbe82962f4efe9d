/// A calendar month, written `YYYY-MM`: the key of monthly reports and statistics.
public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The years the system accepts for months.
    public static let years = 2000...2100

    /// The year, within `Month.years`.
    public let year: Int
    /// The month, 1…12.
    public let month: Int

    /// A month, or nil if the year is outside `Month.years` or the month outside 1…12.
    public init?(year: Int, month: Int) {
        guard Self.years.contains(year), (1...12).contains(month) else { return nil }
        self.init(uncheckedYear: year, month: month)
    }

    init(uncheckedYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              let year = CalendarDate.number(bytes[0..<4]), let month = CalendarDate.number(bytes[5..<7])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The text `YYYY-MM`.
    public var description: String {
        CalendarDate.text(year: year, month: month, day: nil)
    }

    /// The first day of the month.
    public var firstDay: CalendarDate { CalendarDate(uncheckedYear: year, month: month, day: 1) }

    /// The last day of the month (leap years included).
    public var lastDay: CalendarDate {
        CalendarDate(uncheckedYear: year, month: month, day: CalendarDate.daysIn(year: year, month: month))
    }

    /// The following month (December is followed by January of the next year).
    public var next: Month {
        month == 12 ? Month(uncheckedYear: year + 1, month: 1) : Month(uncheckedYear: year, month: month + 1)
    }

    /// The day a report for this month is due: `deadlineDay` (1…28) of the following month.
    /// A report submitted on a later date is late.
    public func reportDeadline(day deadlineDay: Int) -> CalendarDate {
        let following = next
        return CalendarDate(uncheckedYear: following.year, month: following.month, day: min(max(deadlineDay, 1), 28))
    }

    public static func < (lhs: Month, rhs: Month) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

extension Month: TextCodable {
    public static let expectedText = "a month as YYYY-MM (2000-2100)"
}
