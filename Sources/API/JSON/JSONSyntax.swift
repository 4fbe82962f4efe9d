import Foundation
import Postgres

/// A strict RFC 8259 reader of request bodies: one pass over the bytes that builds the value.
///
/// Foundation's decoders are lenient where the RFC is not (they accept trailing commas, keep one
/// of two equal keys): this reader refuses trailing commas, duplicate member names (compared as
/// the decoded strings the dictionary holds), leading zeros, unescaped control characters, bad
/// escapes, lone surrogates, invalid UTF-8, a byte-order mark and nesting deeper than `maxDepth`,
/// and says where. A well-formed number that no `Decimal` holds is not a syntax error: it is
/// reported by the path of its member, so the client hears which field to fix.
public struct JSONSyntax {
    /// Why and where a text is not strict JSON.
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
        /// Zero-based byte offset of the offending byte.
        public var offset: Int
        /// One-based line and column (columns count characters).
        public var line: Int
        public var column: Int

        /// `"… at line 1, column 14 (byte 13)"`.
        public var description: String { "\(message) at line \(line), column \(column) (byte \(offset))" }
    }

    /// How deep arrays and objects may nest.
    public static let maxDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// The members and elements from the root to the value being read.
    private var path: [String] = []
    /// The paths (`amount`, `monthly[3]`) of numbers beyond what a `Decimal` holds.
    private var outOfRange: [String] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads `bytes` as one strict JSON value (surrounded by whitespace), or throws the first
    /// place where it is not; also returns the paths of numbers no `Decimal` holds.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> (value: JSONValue, outOfRange: [String]) {
        var parser = JSONSyntax(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { throw parser.failure("a byte-order mark starts the body; remove it") }
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        if parser.index < bytes.count { throw parser.failure("unexpected text after the JSON value") }
        return (value, parser.outOfRange)
    }

    /// `parse` over any bytes.
    public static func parse(_ bytes: some Sequence<UInt8>) throws(Failure) -> (value: JSONValue, outOfRange: [String]) {
        let array = Array(bytes)
        let result: Result<(value: JSONValue, outOfRange: [String]), Failure> = array.withUnsafeBufferPointer { buffer in
            do throws(Failure) { return .success(try parse(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard let byte = current else { throw failure("unexpected end of the body: a value is missing") }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: throw failure("unexpected character; expected a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        if depth > Self.maxDepth { throw failure("arrays and objects nest deeper than \(Self.maxDepth) levels") }
        index += 1
        skipWhitespace()
        var members: [String: JSONValue] = [:]
        if current == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            guard current == UInt8(ascii: "\"") else {
                throw failure(current == UInt8(ascii: "}") ? "trailing comma before '}'" : "expected a member name in double quotes")
            }
            let start = index
            let name = try string()
            guard members[name] == nil else {
                index = start
                throw failure("duplicate member name \"\(name)\"; each name may appear once in an object")
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after a member name") }
            index += 1
            skipWhitespace()
            path.append(path.isEmpty ? name : ".\(name)")
            members[name] = try value(depth: depth)
            path.removeLast()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1; skipWhitespace()
            case UInt8(ascii: "}"): index += 1; return .object(members)
            case nil: throw failure("unexpected end of the body: an object is not closed")
            default: throw failure("expected ',' or '}' after an object member")
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        if depth > Self.maxDepth { throw failure("arrays and objects nest deeper than \(Self.maxDepth) levels") }
        index += 1
        skipWhitespace()
        var elements: [JSONValue] = []
        if current == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            if current == UInt8(ascii: "]") { throw failure("trailing comma before ']'") }
            path.append("[\(elements.count)]")
            elements.append(try value(depth: depth))
            path.removeLast()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1; skipWhitespace()
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            case nil: throw failure("unexpected end of the body: an array is not closed")
            default: throw failure("expected ',' or ']' after an array element")
            }
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
              (0..<count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] }) else {
            throw failure("unexpected character; expected \(word)")
        }
        index += count
    }

    /// A number token, kept exactly as a `Decimal`; one beyond its range (or so small it would
    /// read as zero) is recorded by path and read as 0.
    private mutating func number() throws(Failure) -> JSONValue {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else { throw failure("a number needs a digit here") }
        index += 1
        if first == UInt8(ascii: "0"), let next = current, isDigit(next) { throw failure("a number must not have a leading zero") }
        digits()
        if current == UInt8(ascii: ".") {
            index += 1
            guard let next = current, isDigit(next) else { throw failure("a number needs a digit after '.'") }
            digits()
        }
        let mantissaEnd = index
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let next = current, isDigit(next) else { throw failure("a number needs a digit in its exponent") }
            digits()
        }
        // All zeros is zero, whatever the exponent; otherwise a value that reads as zero underflowed.
        guard bytes[start..<mantissaEnd].contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) else { return .number(0) }
        let token = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if let value = DecimalDigits.decimal(token, exponent: true) { return .number(value) }
        guard let value = Decimal(string: String(decoding: token, as: UTF8.self), locale: Self.posix), !value.isNaN, !value.isZero else {
            outOfRange.append(path.joined())
            return .number(0)
        }
        return .number(value)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func digits() {
        while let byte = current, isDigit(byte) { index += 1 }
    }
}

extension JSONSyntax {
    /// Reads a string from its opening quote: runs of plain UTF-8 as they are, escapes decoded.
    private mutating func string() throws(Failure) -> String {
        index += 1
        let bytes = self.bytes
        var text = ""
        var run = index
        func flush(_ end: Int) { if run < end { text += String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<end]), as: UTF8.self) } }
        while true {
            guard let byte = current else { throw failure("unexpected end of the body: a string is not closed") }
            switch byte {
            case UInt8(ascii: "\""):
                flush(index)
                index += 1
                return text
            case UInt8(ascii: "\\"):
                flush(index)
                text.unicodeScalars.append(try escape())
                run = index
            case 0x00..<0x20:
                throw failure("a control character in a string must be escaped (such as \\n or \\u0000)")
            case 0x20..<0x80:
                index += 1
            default:
                try utf8Sequence()
            }
        }
    }

    /// One escape after its backslash: `\" \\ \/ \b \f \n \r \t \uXXXX` (surrogates in pairs).
    private mutating func escape() throws(Failure) -> Unicode.Scalar {
        index += 1
        guard let byte = current else { throw failure("unexpected end of the body: an escape is cut short") }
        let plain: UInt8? = switch byte {
        case 0x22, 0x5C, 0x2F: byte
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let plain {
            index += 1
            return Unicode.Scalar(plain)
        }
        guard byte == UInt8(ascii: "u") else { throw failure("invalid escape; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX") }
        let start = index - 1
        let high = try hex4()
        if (0xDC00...0xDFFF).contains(high) { index = start; throw failure("a \\u escape holds a lone low surrogate") }
        guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high)! }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
            index = start
            throw failure("a \\u escape holds a high surrogate without its low surrogate")
        }
        index += 1
        let low = try hex4()
        guard (0xDC00...0xDFFF).contains(low) else { index = start; throw failure("a \\u escape holds a high surrogate without its low surrogate") }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
    }

    /// `u` and four hex digits.
    private mutating func hex4() throws(Failure) -> UInt32 {
        index += 1
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = hexValue(byte) else { throw failure("\\u must be followed by four hex digits") }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Steps over one multi-byte UTF-8 sequence (no overlong forms, surrogates or values above U+10FFFF).
    private mutating func utf8Sequence() throws(Failure) {
        let lead = bytes[index]
        let (count, minimum): (Int, UInt32) = switch lead {
        case 0xC2...0xDF: (2, 0x80)
        case 0xE0...0xEF: (3, 0x800)
        case 0xF0...0xF4: (4, 0x10000)
        default: (0, 0)
        }
        guard count > 0, index + count <= bytes.count else { throw failure("the body is not valid UTF-8") }
        var value = UInt32(lead) & (0xFF >> (count + 1))
        for offset in 1..<count {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { throw failure("the body is not valid UTF-8") }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
            throw failure("the body is not valid UTF-8")
        }
        index += count
    }

    /// A failure at the current byte, with its line and column.
    fileprivate func failure(_ message: String) -> Failure {
        var line = 1
        var column = 1
        for byte in bytes[..<min(index, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Failure(message: message, offset: index, line: line, column: column)
    }
}
