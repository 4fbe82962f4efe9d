import Foundation

/// The exact text of a `Decimal`, as its `description` spells it (`1473.1`, `0.00015`, `15000`,
/// `-2`), written from its digits without Foundation's string conversion, which divides the
/// 128-bit mantissa digit by digit into a new String each time. Amounts go out this way as
/// query parameters (`PostgresEncodable`) and in the API's JSON.
///
/// Foundation keeps `Decimal`'s fields internal; their layout (20 bytes: exponent, a byte of
/// length and sign, eight 16-bit mantissa words) is read once at start-up against known values
/// (`DecimalLayout.isKnown`, which also checks that the text matches `description`), and a value
/// it cannot take on this path (NaN, a malformed value, or any value when the layout differs)
/// goes through `description`.
public enum DecimalText {
    /// `value`'s text as a String.
    public static func string(_ value: Decimal) -> String {
        withText(of: value) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with `value`'s text (UTF-8), written into a temporary buffer: nothing is
    /// allocated on the heap for a value on this path.
    public static func withText<T>(of value: Decimal, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        guard DecimalLayout.isKnown, let parts = DecimalLayout.parts(of: value) else {
            var text = value.description
            return try text.withUTF8(body)
        }
        return try withText(of: parts, body)
    }

    /// `withText` of a value with these parts. The text is at most 170 bytes (a sign, "0.", 128
    /// zeros and 39 digits: an exponent is at least −128; or 39 digits and 127 zeros), written
    /// from the start of the buffer; the digits wait in its last 39 bytes, which the text does
    /// not reach before they are copied.
    static func withText<T>(of parts: DecimalLayout.Parts, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { text in
            var count = 0
            func append(_ byte: UInt8, times: Int = 1) {
                for _ in 0..<times { text[count] = byte; count += 1 }
            }
            if parts.mantissa == 0 {
                append(UInt8(ascii: "0"))
                return try body(UnsafeBufferPointer(rebasing: text[..<count]))
            }
            if parts.negative { append(UInt8(ascii: "-")) }
            // The digits, last first, at the end of the buffer (at most 39: a mantissa has 128 bits).
            var wide = parts.mantissa, digits = 0
            while wide > UInt128(UInt64.max) {  // 128-bit division only for the digits above 64 bits
                let (quotient, digit) = wide.quotientAndRemainder(dividingBy: 10)
                text[text.count - 1 - digits] = UInt8(ascii: "0") + UInt8(digit)
                wide = quotient
                digits += 1
            }
            var narrow = UInt64(wide)
            while narrow > 0 {
                text[text.count - 1 - digits] = UInt8(ascii: "0") + UInt8(narrow % 10)
                narrow /= 10
                digits += 1
            }
            let first = text.count - digits
            func appendDigits(_ range: Range<Int>) {
                for index in range { append(text[first + index]) }
            }
            if parts.exponent >= 0 {
                appendDigits(0..<digits)
                append(UInt8(ascii: "0"), times: parts.exponent)
            } else if -parts.exponent < digits {
                let point = digits + parts.exponent
                appendDigits(0..<point)
                append(UInt8(ascii: "."))
                appendDigits(point..<digits)
            } else {
                append(UInt8(ascii: "0"))
                append(UInt8(ascii: "."))
                append(UInt8(ascii: "0"), times: -parts.exponent - digits)
                appendDigits(0..<digits)
            }
            return try body(UnsafeBufferPointer(rebasing: text[..<count]))
        }
    }
}

/// Reads a `Decimal`'s sign, exponent and mantissa (eight 16-bit words) from its bytes, where the
/// layout is the one checked by `isKnown`.
enum DecimalLayout {
    struct Parts: Equatable {
        var negative: Bool
        var exponent: Int
        var mantissa: UInt128
    }

    /// Whether this Foundation lays out `Decimal` as expected and spells it as `DecimalText` does,
    /// checked on values whose parts are known (including a negative one, a positive exponent, a
    /// four-word and an eight-word mantissa).
    static let isKnown: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let probes: [(Decimal, Parts)] = [
            (Decimal(sign: .minus, exponent: -2, significand: Decimal(147_311 as UInt64)), Parts(negative: true, exponent: -2, mantissa: 147_311)),
            (Decimal(sign: .plus, exponent: 3, significand: Decimal(15 as UInt64)), Parts(negative: false, exponent: 3, mantissa: 15)),
            (Decimal(UInt64.max), Parts(negative: false, exponent: 0, mantissa: UInt128(UInt64.max))),
            (Decimal(sign: .plus, exponent: -5, significand: Decimal(65_537 as UInt64)), Parts(negative: false, exponent: -5, mantissa: 65_537)),
            (Decimal(string: "-12345678901234567890.123456789")!,
             Parts(negative: true, exponent: -9, mantissa: 12_345_678_901_234_567_890_123_456_789)),
            (Decimal.greatestFiniteMagnitude, Parts(negative: false, exponent: 127, mantissa: UInt128.max)),
        ]
        return DecimalLayout.parts(of: Decimal.nan) == nil && probes.allSatisfy { value, parts in
            return DecimalLayout.parts(of: value) == parts && DecimalText.withText(of: parts) { String(decoding: $0, as: UTF8.self) } == value.description
        }
    }()

    /// The parts of `value`, or nil when it is NaN or malformed (a length over eight words, or a
    /// non-zero length with a zero mantissa). The mantissa is read from all eight words, as
    /// `description` reads it, whatever the length says.
    static func parts(of value: Decimal) -> Parts? {
        var value = value
        return withUnsafeBytes(of: &value) { raw -> Parts? in
            let flags = raw[1]
            let length = Int(flags >> 4), negative = flags & 0x08 != 0
            if length == 0 { return negative ? nil : Parts(negative: false, exponent: 0, mantissa: 0) }
            guard length <= 8 else { return nil }
            var mantissa: UInt128 = 0
            for word in stride(from: 7, through: 0, by: -1) {
                mantissa = mantissa << 16 | UInt128(raw[4 + 2 * word]) | UInt128(raw[5 + 2 * word]) << 8
            }
            guard mantissa != 0 else { return nil }
            return Parts(negative: negative, exponent: Int(Int8(bitPattern: raw[0])), mantissa: mantissa)
        }
    }
}
