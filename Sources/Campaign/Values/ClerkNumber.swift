import Foundation

/// Numbers as clerks type them (DOMAIN.md, rule), read by this one rule wherever a person types a
/// number or a spreadsheet cell holds one: full-width digits, points and signs (１２３．５),
/// thousands separators (1,234.50, full-width too), spaces, and a trailing unit that fits the
/// field (12.5万元, 3亩) are read as the number; anything else is not a number.
public enum ClerkNumber {
    /// The unit a field is counted in, which may follow the number.
    public enum Unit: String, Sendable {
        /// Money (万元).
        case tenThousandYuan = "万元"
        /// Land area (亩).
        case mu = "亩"
    }

    /// The number in `text`, or nil when it is not one.
    public static func parse(_ text: String, unit: Unit?) -> Decimal? {
        let written = normalised(text, unit: unit)
        guard written.range(of: #"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$"#, options: .regularExpression) != nil else { return nil }
        return Decimal(string: written, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// `text` with full-width characters as ASCII, separators and spaces dropped and the field's
    /// unit taken off the end: the plain number as written, or what is left to show in a message.
    public static func normalised(_ text: String, unit: Unit?) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: result.unicodeScalars.append(UnicodeScalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0E: result += "."
            case 0xFF0D, 0x2212: result += "-"
            case 0xFF0B: result += "+"
            case 0x2C, 0xFF0C, 0x20, 0x3000, 0xA0: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        if let unit, result.hasSuffix(unit.rawValue) { result.removeLast(unit.rawValue.count) }
        return result
    }
}
