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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value`'s text to `bytes` (UTF-8).
    public static func append(_ value: Decimal, to bytes: inout [UInt8]) {
        guard DecimalLayout.isKnown, let parts = DecimalLayout.parts(of: value) else {
            bytes.append(contentsOf: value.description.utf8)
            return
        }
        append(parts, to: &bytes)
    }

    /// Appends the text of a value with these parts.
    static func append(_ parts: DecimalLayout.Parts, to bytes: inout [UInt8]) {
        if parts.mantissa == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if parts.negative { bytes.append(UInt8(ascii: "-")) }
        // At most 39 digits: a mantissa has 128 bits.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            var wide = parts.mantissa, count = 0
            while wide > UInt128(UInt64.max) {  // 128-bit division only for the digits above 64 bits
                let (quotient, digit) = wide.quotientAndRemainder(dividingBy: 10)
                buffer[39 - count] = UInt8(ascii: "0") + UInt8(digit)
                wide = quotient
                count += 1
            }
            var narrow = UInt64(wide)
            while narrow > 0 {
                buffer[39 - count] = UInt8(ascii: "0") + UInt8(narrow % 10)
                narrow /= 10
                count += 1
            }
            let written = UnsafeBufferPointer(rebasing: buffer[(40 - count)...])
            if parts.exponent >= 0 {
                bytes.append(contentsOf: written)
                for _ in 0..<parts.exponent { bytes.append(UInt8(ascii: "0")) }
            } else if -parts.exponent < count {
                let point = count + parts.exponent
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: written[..<point]))
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: written[point...]))
            } else {
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "."))
                for _ in 0..<(-parts.exponent - count) { bytes.append(UInt8(ascii: "0")) }
                bytes.append(contentsOf: written)
            }
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
            var text: [UInt8] = []
            DecimalText.append(parts, to: &text)
            return DecimalLayout.parts(of: value) == parts && String(decoding: text, as: UTF8.self) == value.description
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
