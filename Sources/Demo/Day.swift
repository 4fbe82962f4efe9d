import Postgres

/// A calendar date for generated rows, kept as days since 1970-01-01 so adding days is cheap.
struct Day: Comparable, Hashable, Sendable {
    let serial: Int

    init(serial: Int) { self.serial = serial }

    init(_ year: Int, _ month: Int, _ day: Int) {
        serial = PostgresDate(year: year, month: month, day: day).daysSince1970
    }

    var components: (year: Int, month: Int, day: Int) {
        let date = PostgresDate(daysSince1970: serial)
        return (date.year, date.month, date.day)
    }

    var year: Int { components.year }
    var month: Int { components.month }

    /// `YYYY-MM-DD`.
    var text: String {
        let (y, m, d) = components
        return "\(y)-\(Day.pad(m))-\(Day.pad(d))"
    }

    func adding(days: Int) -> Day { Day(serial: serial + days) }

    static func < (lhs: Day, rhs: Day) -> Bool { lhs.serial < rhs.serial }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The last day of a month.
    static func endOfMonth(_ year: Int, _ month: Int) -> Day {
        month == 12 ? Day(year, 12, 31) : Day(year, month + 1, 1).adding(days: -1)
    }
}
