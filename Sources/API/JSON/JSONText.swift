import Foundation
import Postgres

/// JSON text being written: a growing array of UTF-8 bytes, moved between writers without copying.
struct JSONText {
    var bytes: [UInt8] = []
    private static let hexDigits = Array("0123456789abcdef".utf8)

    mutating func append(_ byte: UInt8) { bytes.append(byte) }
    /// Text that needs no escaping: numbers, literals, punctuation.
    mutating func append(raw text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
    /// A `Decimal` exactly as its `description` spells it (`DecimalText`).
    mutating func append(decimal value: Decimal) { DecimalText.append(value, to: &bytes) }

    /// Text that needs no escaping, as bytes (a number as PostgreSQL printed it).
    mutating func append(raw utf8: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: utf8) }

    /// A JSON string: quotes, control characters and backslashes escaped; "/" and non-ASCII as is.
    mutating func append(string text: String) {
        var text = text
        text.withUTF8 { append(string: $0) }
    }

    /// `append(string:)` of valid UTF-8 text, as libpq holds it.
    mutating func append(string utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0, index = 0
        while index < utf8.count {
            // Eight bytes at a time while none of them needs escaping (most text: names, codes).
            if index + 8 <= utf8.count, !Self.needsEscaping(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = utf8[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscape(byte)
                start = index + 1
            }
            index += 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes is a control character, `"` or `\\` (exact, no false
    /// positives or negatives: a byte is below 0x20, or equal to one of the two, iff the
    /// classic "has a byte less than n" test of it, or of it XOR the character, sets its high bit).
    static func needsEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ value: UInt64, _ n: UInt64) -> Bool { (value &- ones &* n) & ~value & highs != 0 }
        return hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* 0x22), 1) || hasByteBelow(word ^ (ones &* 0x5C), 1)
    }

    /// A PostgreSQL `numeric` as `Decimal`'s `description` spells the same value: its digits
    /// without the fraction's trailing zeros (`178991.00` → `178991`, `0.50` → `0.5`, `0.00` →
    /// `0`), with no `Decimal` made. False, writing nothing, for text of another shape (`NaN`,
    /// `Infinity`) or of more digits than a `Decimal` holds: those go through `Decimal`.
    mutating func append(numeric utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0, point: Int?, significant = false, digits = 0
        if utf8.first == UInt8(ascii: "-") { index = 1 }
        guard index < utf8.count else { return false }
        for position in index..<utf8.count {
            switch utf8[position] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if utf8[position] != UInt8(ascii: "0") { significant = true }
            case UInt8(ascii: ".") where point == nil && position > index && position + 1 < utf8.count:
                point = position
            default:
                return false
            }
        }
        guard digits <= 38 else { return false }
        guard significant else {
            bytes.append(UInt8(ascii: "0"))
            return true
        }
        var end = utf8.count
        if let point {
            while utf8[end - 1] == UInt8(ascii: "0") { end -= 1 }
            if end - 1 == point { end = point }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<end]))
        return true
    }

    /// A PostgreSQL `timestamptz` in UTC (`2026-03-01 08:30:00.123456+00`) as
    /// `append(timestamp:)` writes the same instant (`"2026-03-01T08:30:00Z"`), with no `Date`
    /// made. False, writing nothing, for text of another shape (another offset, a year beyond
    /// 9999, BC): those go through `Date`.
    mutating func append(timestamptz utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count >= 22, utf8[utf8.count - 3] == UInt8(ascii: "+"),
              utf8[utf8.count - 2] == UInt8(ascii: "0"), utf8[utf8.count - 1] == UInt8(ascii: "0") else { return false }
        for position in 0..<19 {
            let byte = utf8[position]
            switch position {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return false }
            case 10: guard byte == UInt8(ascii: " ") else { return false }
            case 13, 16: guard byte == UInt8(ascii: ":") else { return false }
            default: guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
            }
        }
        let fraction = utf8[19..<(utf8.count - 3)]
        if !fraction.isEmpty {
            guard fraction.count >= 2, fraction.first == UInt8(ascii: "."),
                  fraction.dropFirst().allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return false }
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<10]))
        bytes.append(UInt8(ascii: "T"))
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[11..<19]))
        append("Z\"")
        return true
    }

    /// `"key":`, after a comma unless it is the object's first member.
    mutating func append(key: String, first: Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        append(string: key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// `"name":` for a member name of the program's own (a `JSONObject`'s), which never needs
    /// escaping: copied without looking at each byte.
    mutating func append(memberName name: String, first: Bool) {
        assert(!name.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }, "a member name that needs escaping: \(name)")
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        var name = name
        name.withUTF8 { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        default:
            append("\\u00")
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    /// `"2026-03-01T08:30:00Z"`: the UTC civil time of `date`, fractional seconds dropped (as
    /// `Date.ISO8601FormatStyle` writes it, which remains the way for dates beyond years 1–9999).
    mutating func append(timestamp date: Date) {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, (-62_135_596_800.0..<253_402_300_800.0).contains(interval) else {
            return append(string: date.formatted(Date.ISO8601FormatStyle()))
        }
        let seconds = Int64(interval.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let civil = PostgresDate(daysSince1970: Int(days))
        bytes.append(UInt8(ascii: "\""))
        append(integer: Int64(civil.year), width: 4)
        bytes.append(UInt8(ascii: "-"))
        append(integer: Int64(civil.month), width: 2)
        bytes.append(UInt8(ascii: "-"))
        append(integer: Int64(civil.day), width: 2)
        bytes.append(UInt8(ascii: "T"))
        append(integer: secondOfDay / 3600, width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(integer: secondOfDay / 60 % 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(integer: secondOfDay % 60, width: 2)
        append("Z\"")
    }

    /// `value` in decimal, left-padded with zeros to `width` digits, written straight into the
    /// bytes (no intermediate `String`: ids and versions are on every row of every response).
    mutating func append(integer value: Int64, width: Int = 1) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            while digits.count - start < width {
                start -= 1
                digits[start] = UInt8(ascii: "0")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
