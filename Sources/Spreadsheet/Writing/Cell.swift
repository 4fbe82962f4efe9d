import Foundation

/// One value of a spreadsheet row, typed so that a spreadsheet program shows numbers as numbers
/// and dates as dates.
public enum Cell: Sendable, Equatable {
    case empty
    case text(String)
    /// A number, shown with its column's format (money: two decimals with thousands separators).
    case number(Decimal)
    /// A calendar date (no time of day); in a `.month` column only its year and month are shown.
    case date(year: Int, month: Int, day: Int)
    /// A moment as the county's clock showed it (Asia/Shanghai), to the second.
    case dateTime(LocalDateTime)
}

/// A date and time of day on the county's clock (Asia/Shanghai).
public struct LocalDateTime: Sendable, Equatable {
    public var year, month, day, hour, minute, second: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// The county's time zone: every time a person reads is in it.
    public static let countyTimeZone = TimeZone(identifier: "Asia/Shanghai")!

    /// `date` on the county's clock.
    public init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.countyTimeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second!)
    }

    /// `YYYY-MM-DD HH:MM` as a person reads it.
    public var text: String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return DateSerial.iso(year: year, month: month, day: day) + " \(pad(hour)):\(pad(minute))"
    }

    /// The spreadsheet serial: days since 1899-12-30 with the time of day as the fraction.
    public var serial: Decimal {
        let seconds = Decimal(hour * 3600 + minute * 60 + second) / 86_400
        return Decimal(DateSerial.serial(year: year, month: month, day: day)) + seconds
    }
}

/// A column of a sheet: its header and how its numbers are shown.
public struct Column: Sendable, Hashable {
    /// How a column's numbers look.
    public enum Format: Sendable, Hashable {
        /// Text (numbers in it are shown as written).
        case text
        /// 万元 with thousands separators and two decimals (`#,##0.00`).
        case money
        /// Whole numbers (counts, days, versions).
        case integer
        /// A ratio shown as a percentage with one decimal (`0.0%`); the value stays the ratio.
        case ratio
        /// A date shown as `yyyy-mm-dd`.
        case date
        /// A month: a date cell (the first of the month) shown as `2026年11月`; `2026-11` in CSV.
        case month
        /// A date and time in county time, shown as `yyyy-mm-dd hh:mm`.
        case timestamp
    }

    public var header: String
    public var format: Format

    public init(_ header: String, _ format: Format = .text) {
        self.header = header
        self.format = format
    }
}

extension Decimal {
    /// The number with exactly `places` decimals, rounded half away from zero, as plain digits
    /// (`-1234.50`): no exponent, no thousands separators.
    public func fixed(places: Int) -> String {
        var value = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, places, .plain)
        var text = rounded.description
        guard places > 0 else { return text }
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: text.index(after: dot), to: text.endIndex)
            text += String(repeating: "0", count: max(0, places - decimals))
        } else {
            text += "." + String(repeating: "0", count: places)
        }
        return text
    }
}
