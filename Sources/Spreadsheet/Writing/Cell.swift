import Foundation

/// One value of a spreadsheet row, typed so that a spreadsheet program shows numbers as numbers
/// and dates as dates.
public enum Cell: Sendable, Equatable {
    case empty
    case text(String)
    /// A number, shown with its column's format (money: two decimals with thousands separators).
    case number(Decimal)
    /// A calendar date (no time of day).
    case date(year: Int, month: Int, day: Int)
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
