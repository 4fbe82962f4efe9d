/// Where JSON text goes, a byte or a run of bytes at a time: a response's growing buffer
/// (`JSONText`), or the room reserved in it for one row of a page (`JSONRoom`). What is written
/// on top of these two (escaped strings, integers, and PostgreSQL's numbers and instants copied
/// as text) is written here, once for both.
protocol JSONBytes {
    mutating func append(_ byte: UInt8)
    /// Text that needs no escaping, as bytes (a number as PostgreSQL printed it).
    mutating func append(raw utf8: UnsafeBufferPointer<UInt8>)
}

extension JSONBytes {
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(raw: $0) }
    }

    /// A JSON string of valid UTF-8 text: quotes, control characters and backslashes escaped;
    /// "/" and non-ASCII as is.
    mutating func append(string utf8: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        var start = 0, index = 0
        while index < utf8.count {
            // Eight bytes at a time while none of them needs escaping (most text: names, codes).
            if index + 8 <= utf8.count, !Self.needsEscaping(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = utf8[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                append(raw: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscape(byte)
                start = index + 1
            }
            index += 1
        }
        append(raw: UnsafeBufferPointer(rebasing: utf8[start...]))
        append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes is a control character, `"` or `\\`: exact for the word
    /// (the classic "has a byte less than n" test of it, or of it XOR the character, sets some
    /// high bit iff one of its bytes is such a byte; which byte it marks may be off, and the
    /// caller then looks at the word's bytes one by one).
    static func needsEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ value: UInt64, _ n: UInt64) -> Bool { (value &- ones &* n) & ~value & highs != 0 }
        return hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* 0x22), 1) || hasByteBelow(word ^ (ones &* 0x5C), 1)
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
            func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10 }
            append("\\u00")
            append(hex(byte >> 4))
            append(hex(byte & 0x0F))
        }
    }

    /// A PostgreSQL `numeric` as `Decimal`'s `description` spells the same value: its digits
    /// without the fraction's trailing zeros (`178991.00` → `178991`, `0.50` → `0.5`, `0.00` →
    /// `0`), with no `Decimal` made. False, writing nothing, for text of another shape than
    /// PostgreSQL's `-?digits(.digits)?` without leading zeros (`NaN`, `Infinity`) or of more
    /// digits than a `Decimal` holds: those go through `Decimal`.
    mutating func append(numeric utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0, point: Int?, significant = false, digits = 0
        if utf8.first == UInt8(ascii: "-") { index = 1 }
        guard index < utf8.count else { return false }
        if utf8[index] == UInt8(ascii: "0"), index + 1 < utf8.count, utf8[index + 1] != UInt8(ascii: ".") { return false }
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
            append(UInt8(ascii: "0"))
            return true
        }
        var end = utf8.count
        if let point {
            while utf8[end - 1] == UInt8(ascii: "0") { end -= 1 }
            if end - 1 == point { end = point }
        }
        append(raw: UnsafeBufferPointer(rebasing: utf8[..<end]))
        return true
    }

    /// A PostgreSQL `timestamptz` in UTC (`2026-03-01 08:30:00.123456+00`) as
    /// `JSONText.append(timestamp:)` writes the same instant (`"2026-03-01T08:30:00Z"`): the
    /// fraction dropped, with no `Date` made. (Through a `Date`'s `Double`, a fraction a
    /// microsecond short of the next second rounds up to it before about 1456 and after about
    /// 2514; here it never does.) False, writing nothing, for text of another shape (another
    /// offset, a year beyond 9999, a date BC): those go the long way, through `Date`.
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
        append(UInt8(ascii: "\""))
        append(raw: UnsafeBufferPointer(rebasing: utf8[0..<10]))
        append(UInt8(ascii: "T"))
        append(raw: UnsafeBufferPointer(rebasing: utf8[11..<19]))
        append("Z\"")
        return true
    }

    /// `value` in decimal, left-padded with zeros to `width` digits, written straight into the
    /// bytes (no intermediate `String`: ids and versions are on every row of every response).
    mutating func append(integer value: Int64, width: Int = 1) {
        if value < 0 { append(UInt8(ascii: "-")) }
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
            append(raw: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
