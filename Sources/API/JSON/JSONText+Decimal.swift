import Foundation

extension JSONText {
    /// A `Decimal` exactly as its `description` spells it (`1473.1`, `0.00015`, `15000`, `-2`),
    /// written from its digits without Foundation's string conversion, which divides the
    /// 128-bit mantissa digit by digit into a new String for each amount of a list.
    ///
    /// Foundation keeps `Decimal`'s fields internal; their layout (20 bytes: exponent, a byte
    /// of length and sign, eight 16-bit mantissa words) is read once at start-up against known
    /// values (`DecimalLayout.isKnown`), and any value it cannot take on this path (over 64-bit
    /// mantissas, NaN, or a layout that differs) goes through `description`.
    mutating func append(decimal value: Decimal) {
        guard DecimalLayout.isKnown, let parts = DecimalLayout.parts(of: value) else {
            append(raw: value.description)
            return
        }
        if parts.mantissa == 0 {
            append(UInt8(ascii: "0"))
            return
        }
        if parts.negative { append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var remaining = parts.mantissa, count = 0
            while remaining > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            let written = UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...])
            if parts.exponent >= 0 {
                bytes.append(contentsOf: written)
                for _ in 0..<parts.exponent { append(UInt8(ascii: "0")) }
            } else if -parts.exponent < count {
                let point = count + parts.exponent
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: written[..<point]))
                append(UInt8(ascii: "."))
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: written[point...]))
            } else {
                append(UInt8(ascii: "0"))
                append(UInt8(ascii: "."))
                for _ in 0..<(-parts.exponent - count) { append(UInt8(ascii: "0")) }
                bytes.append(contentsOf: written)
            }
        }
    }
}

/// Reads a `Decimal`'s sign, exponent and (up to 64-bit) mantissa from its bytes, where the
/// layout is the one checked by `isKnown`.
enum DecimalLayout {
    struct Parts: Equatable {
        var negative: Bool
        var exponent: Int
        var mantissa: UInt64
    }

    /// Whether this Foundation lays out `Decimal` as expected, checked on values whose parts are
    /// known (including a negative one, a positive exponent and a four-word mantissa).
    static let isKnown: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let probes: [(Decimal, Parts)] = [
            (Decimal(sign: .minus, exponent: -2, significand: Decimal(147_311 as UInt64)), Parts(negative: true, exponent: -2, mantissa: 147_311)),
            (Decimal(sign: .plus, exponent: 3, significand: Decimal(15 as UInt64)), Parts(negative: false, exponent: 3, mantissa: 15)),
            (Decimal(UInt64.max), Parts(negative: false, exponent: 0, mantissa: UInt64.max)),
            (Decimal(sign: .plus, exponent: -5, significand: Decimal(65_537 as UInt64)), Parts(negative: false, exponent: -5, mantissa: 65_537)),
        ]
        return probes.allSatisfy { value, parts in DecimalLayout.parts(of: value) == parts }
            && DecimalLayout.parts(of: Decimal(string: "123456789012345678901234567890")!) == nil && DecimalLayout.parts(of: Decimal.nan) == nil
    }()

    /// The parts of `value`, or nil when its mantissa needs more than 64 bits or it is NaN.
    static func parts(of value: Decimal) -> Parts? {
        var value = value
        return withUnsafeBytes(of: &value) { raw -> Parts? in
            let flags = raw[1]
            let length = Int(flags >> 4), negative = flags & 0x08 != 0
            if length == 0 { return negative ? nil : Parts(negative: false, exponent: 0, mantissa: 0) }
            guard length <= 4 else { return nil }
            var mantissa: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                mantissa = mantissa << 16 | UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8
            }
            guard mantissa != 0 else { return nil }
            return Parts(negative: negative, exponent: Int(Int8(bitPattern: raw[0])), mantissa: mantissa)
        }
    }
}
