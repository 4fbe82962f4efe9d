/// A calendar date for generated rows, kept as days since 1970-01-01 so adding days is cheap.
struct Day: Comparable, Hashable, Sendable {
    let serial: Int

    init(serial: Int) { self.serial = serial }

    init(_ year: Int, _ month: Int, _ day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        serial = era * 146_097 + doe - 719_468
    }

    var components: (year: Int, month: Int, day: Int) {
        let z = serial + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
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
