import Foundation

/// An exact `Decimal` built from its decimal digits, without a `String` or a locale: the one
/// builder of PostgreSQL's `numeric` text (`-123.45`) and, with an exponent, of a request body's
/// JSON number (`1.5e3`). Foundation's `Decimal(string:locale:)` costs a locale lookup and a
/// String per value; it stays the fallback for what this builder leaves to it.
///
/// The value is the one `Decimal(string:)` builds, trailing zeros of the digits taken into the
/// exponent (`1.50` is 15 × 10⁻¹).
public enum DecimalDigits {
    /// The value of `text`: an optional `-`, digits with at most one `.` among them and, when
    /// `exponent` is true, an `e` or `E` with an optional sign and one to four digits. Nil for any
    /// other text (`NaN`, `+1`, `1e5` when no exponent is allowed), and for a number of more than
    /// 19 digits from its first non-zero one (trailing zeros included) or whose exponent ends
    /// outside −100...100: the caller's `Decimal(string:)` then decides.
    public static func decimal(_ text: UnsafeBufferPointer<UInt8>, exponent allowed: Bool = false) -> Decimal? {
        let negative = text.first == UInt8(ascii: "-")
        var index = negative ? 1 : 0
        var mantissa: UInt64 = 0, significant = 0, digits = 0, exponent = 0, inFraction = false
        scan: while index < text.count {
            switch text[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = UInt64(text[index] &- UInt8(ascii: "0"))
                if mantissa != 0 || digit != 0 { // leading zeros are not significant
                    guard significant < 19 else { return nil }
                    mantissa = mantissa * 10 + digit
                    significant += 1
                }
                digits += 1
                if inFraction { exponent -= 1 }
            case UInt8(ascii: "."):
                guard !inFraction else { return nil }
                inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard allowed, digits > 0, let written = Self.exponent(UnsafeBufferPointer(rebasing: text[(index + 1)...])) else {
                    return nil
                }
                exponent += written
                break scan
            default:
                return nil
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        guard mantissa != 0 else { return 0 }
        while mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        guard (-100...100).contains(exponent) else { return nil }
        return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
    }

    /// An exponent's value (`+7`, `-12`, `3`); nil without digits, beyond four, or for any other byte.
    private static func exponent(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0, sign = 1, value = 0
        if text.first == UInt8(ascii: "-") || text.first == UInt8(ascii: "+") {
            if text.first == UInt8(ascii: "-") { sign = -1 }
            index = 1
        }
        guard (1...4).contains(text.count - index) else { return nil }
        while index < text.count {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index]) else { return nil }
            value = value * 10 + Int(text[index] &- UInt8(ascii: "0"))
            index += 1
        }
        return sign * value
    }
}
