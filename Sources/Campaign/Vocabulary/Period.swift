/// An assessment period of a year: a quarter, or the whole year (the year-end assessment).
public enum Period: String, Codable, Sendable, CaseIterable {
    /// January–March.
    case q1 = "Q1"
    /// January–June (cumulative).
    case q2 = "Q2"
    /// January–September (cumulative).
    case q3 = "Q3"
    /// January–December (cumulative).
    case q4 = "Q4"
    /// The year-end assessment: January–December.
    case year

    /// The four quarters, in order.
    public static let quarters: [Period] = [.q1, .q2, .q3, .q4]

    /// How many quarters the period's cumulative actuals cover: 1 for Q1 … 4 for Q4 and the year.
    public var quartersCovered: Int {
        switch self {
        case .q1: 1
        case .q2: 2
        case .q3: 3
        case .q4, .year: 4
        }
    }

    /// The index into a scheme's `quarterShares` (0 for Q1 … 3 for Q4 and the year).
    public var shareIndex: Int { quartersCovered - 1 }

    /// Whether this is a quarterly run (as opposed to the year-end run).
    public var isQuarter: Bool { self != .year }

    /// The last day of the period in `year` (31 March, 30 June, 30 September or 31 December).
    public func lastDay(of year: Int) -> CalendarDate {
        switch quartersCovered {
        case 1: CalendarDate(uncheckedYear: year, month: 3, day: 31)
        case 2: CalendarDate(uncheckedYear: year, month: 6, day: 30)
        case 3: CalendarDate(uncheckedYear: year, month: 9, day: 30)
        default: CalendarDate(uncheckedYear: year, month: 12, day: 31)
        }
    }
}
