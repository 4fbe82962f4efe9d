/// A calendar date with no time or zone, written `YYYY-MM-DD` (ISO 8601).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1…9999.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…`daysInMonth`.
    public let day: Int

    /// A date, or nil if it does not exist in the Gregorian calendar (2026-02-29, 2026-04-31).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysIn(year: year, month: month)
        else { return nil }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// A date from known-good parts; for the module's own constants only.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (four, two and two ASCII digits) naming a real date.
    public init?(_ text: String) {
        var text = text
        guard let date = text.withUTF8(CalendarDate.init(utf8:)) else { return nil }
        self = date
    }

    /// Parses exactly `YYYY-MM-DD` from UTF-8 bytes (a database value, without making a `String`).
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
              let day = Self.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The text `YYYY-MM-DD`.
    public var description: String {
        Self.text(year: year, month: month, day: day)
    }

    /// The month this date falls in.
    public var yearMonth: Month { Month(uncheckedYear: year, month: month) }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The value of a run of ASCII digits, or nil if any byte is not a digit.
    static func number(_ bytes: some Collection<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// `YYYY-MM`, or `YYYY-MM-DD` with a `day`: the digits are written straight into the
    /// string (at most 15 bytes, which Swift keeps without an allocation), since every date and
    /// month of every response is written this way.
    static func text(year: Int, month: Int, day: Int?) -> String {
        String(unsafeUninitializedCapacity: day == nil ? 7 : 10) { buffer in
            func put(_ value: Int, at start: Int, width: Int) {
                var value = value
                for position in stride(from: start + width - 1, through: start, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, at: 0, width: 4)
            buffer[4] = UInt8(ascii: "-")
            put(month, at: 5, width: 2)
            guard let day else { return 7 }
            buffer[7] = UInt8(ascii: "-")
            put(day, at: 8, width: 2)
            return 10
        }
    }
}

extension CalendarDate: TextCodable {
    public static let expectedText = "a real date as YYYY-MM-DD"
}
