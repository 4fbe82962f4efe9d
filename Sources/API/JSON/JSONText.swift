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
        var start = 0
        for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            appendEscape(byte)
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        bytes.append(UInt8(ascii: "\""))
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
