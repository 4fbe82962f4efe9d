import API
import Foundation

extension JSONValue {
    /// Members whose names say they are not money or counts: ratios have four decimals.
    static let finerNumbers: Set<String> = ["ratio", "ratio_to_date"]

    /// The paths of every number with more than two decimals (money shows at most two, CONTRACT.md),
    /// at any depth, except members named in `finerNumbers`.
    func numbersBeyondTwoDecimals(at path: String = "$") -> [String] {
        switch self {
        case .number(let value):
            var rounded = Decimal()
            var source = value
            NSDecimalRound(&rounded, &source, 2, .plain)
            return rounded == value ? [] : ["\(path) = \(value)"]
        case .array(let elements):
            return elements.enumerated().flatMap { $1.numbersBeyondTwoDecimals(at: "\(path)[\($0)]") }
        case .object(let members):
            return members.filter { !Self.finerNumbers.contains($0.key) }.sorted { $0.key < $1.key }
                .flatMap { $1.numbersBeyondTwoDecimals(at: "\(path).\($0)") }
        case .null, .bool, .string:
            return []
        }
    }
}
