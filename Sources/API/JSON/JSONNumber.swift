import Foundation

/// A JSON number token's exact `Decimal`, built from its digits: no `String`, no locale, as
/// `Decimal(string:)` builds it (the same value, with trailing zeros of the digits taken into the
/// exponent: `1.50` is 15 × 10⁻¹). The request bodies' amounts go this way.
enum JSONNumber {
    /// The value of `token`, a number that `JSONSyntax` has checked; nil when it has more than 19
    /// digits from its first non-zero one (trailing zeros included) or an exponent far from zero
    /// (`Decimal(string:)` then decides).
    static func decimal(_ token: UnsafeBufferPointer<UInt8>) -> Decimal? {
        var index = 0
        let negative = token.first == UInt8(ascii: "-")
        if negative { index = 1 }
        var mantissa: UInt64 = 0, digits = 0, exponent = 0, inFraction = false
        while index < token.count {
            let byte = token[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard let written = Self.exponent(UnsafeBufferPointer(rebasing: token[(index + 1)...])) else { return nil }
                exponent += written
                break
            } else {
                let digit = UInt64(byte &- UInt8(ascii: "0"))
                if mantissa != 0 || digit != 0 { // leading zeros are not significant
                    guard digits < 19 else { return nil }
                    mantissa = mantissa * 10 + digit
                    digits += 1
                }
                if inFraction { exponent -= 1 }
            }
            index += 1
        }
        guard mantissa != 0 else { return 0 }
        while mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        guard (-100...100).contains(exponent) else { return nil }
        return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
    }

    /// The exponent's value (`+7`, `-12`, `3`); nil beyond four digits.
    private static func exponent(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0, sign = 1, value = 0
        if text.first == UInt8(ascii: "-") || text.first == UInt8(ascii: "+") {
            if text.first == UInt8(ascii: "-") { sign = -1 }
            index = 1
        }
        guard text.count - index <= 4 else { return nil }
        while index < text.count {
            value = value * 10 + Int(text[index] &- UInt8(ascii: "0"))
            index += 1
        }
        return sign * value
    }
}
