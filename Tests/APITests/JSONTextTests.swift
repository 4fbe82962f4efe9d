@testable import API
import Foundation
import NIOCore
import Postgres
import Testing

/// The byte paths of `JSONText` write exactly what the paths through
/// `Decimal`, `Date` and one byte at a time did: checked against those paths over every byte,
/// awkward values and thousands of random ones (a failure names its input).
@Suite struct JSONTextTests {
    /// The escaping scan one byte at a time, as it was.
    static func escapedByteByByte(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += Array(#"\""#.utf8)
            case 0x5C: out += Array(#"\\"#.utf8)
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case 0x08: out += Array(#"\b"#.utf8)
            case 0x0C: out += Array(#"\f"#.utf8)
            case ..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
            default: out.append(byte)
            }
        }
        return out + [0x22]
    }

    @Test func eightBytesAtATimeFindEveryByteThatNeedsEscapingAndNoOther() {
        for byte in 0...255 {
            for position in 0..<8 {
                var word = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                word[position] = UInt8(byte)
                let value = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(JSONText.needsEscaping(value) == (byte < 0x20 || byte == 0x22 || byte == 0x5C), "byte \(byte) at \(position)")
            }
        }
    }

    @Test func textIsEscapedAsOneByteAtATimeEscapesIt() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["a", "项", "😀", "\"", "\\", "\n", "\u{01}", "\u{1F}", " ", "/", "\u{7F}", "é", "0123456"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            var written = JSONText(), roomy = JSONText()
            written.append(string: text)
            // the same through room reserved for the longest escaping, as a page's rows are written
            var utf8 = text
            utf8.withUTF8 { bytes in roomy.withRoom(for: 6 * bytes.count + 2) { $0.append(string: bytes) } }
            #expect(written.contents == Self.escapedByteByByte(text) && roomy.contents == written.contents, "\(text.debugDescription)")
        }
    }

    @Test func numericTextIsWrittenAsItsDecimalIs() throws {
        var random = SystemRandomNumberGenerator()
        var texts = ["0", "0.00", "-0.00", "0.50", "178991.00", "1500", "12345.60", "9999999999.99", "0.01", "-2.30", "100.10", "99999999999999.99",
                     "12345678901234567890123456789012345678", "12345678901234567890.12300", "1234567890123456789012345678901234.5000",
                     "-9999999999999999999999999999999999.9900", "0.00000000000000000000000000000100"]
        for _ in 0..<5_000 {
            let whole = String(UInt64.random(in: 0...99_999_999_999_999, using: &random) >> UInt64.random(in: 0...46, using: &random))
            let fraction = String(Int.random(in: 0...99, using: &random))
            let scale = Int.random(in: 0...4, using: &random)
            let sign = Bool.random(using: &random) ? "-" : ""
            texts.append(scale == 0 ? sign + whole : sign + whole + "." + String(repeating: "0", count: max(0, scale - fraction.count)) + fraction.prefix(scale))
        }
        for text in texts {
            var written = JSONText(), expected = JSONText()
            let fast = text.utf8CString.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: UInt8.self) { written.append(numeric: UnsafeBufferPointer(rebasing: $0.dropLast())) }
            }
            expected.append(decimal: try text.utf8CString.withUnsafeBufferPointer { bytes in
                try bytes.withMemoryRebound(to: UInt8.self) { try Decimal(postgresBytes: UnsafeBufferPointer(rebasing: $0.dropLast()), type: .numeric) }
            })
            #expect(fast && written.contents == expected.contents, "\(text): \(String(decoding: written.contents, as: UTF8.self))")
        }
        for other in ["NaN", "Infinity", "-Infinity", "-", "", "1.", ".5", "1e5", "123456789012345678901234567890123456789", "007", "00", "-01"] {
            var written = JSONText()
            let fast = Array(other.utf8).withUnsafeBufferPointer { written.append(numeric: $0) }
            #expect(!fast && written.contents.isEmpty, "\(other)")
        }
    }

    @Test func utcTimestampsAreWrittenAsTheirDatesAre() throws {
        var random = SystemRandomNumberGenerator()
        var texts = ["2026-03-01 08:30:00+00", "2026-03-01 08:30:00.5+00", "1970-01-01 00:00:00+00", "0001-01-01 00:00:00+00",
                     "9999-12-31 23:59:59+00", "2024-02-29 12:00:00.123456+00", "1969-12-31 23:59:59.999999+00"]
        for _ in 0..<5_000 {
            let seconds = Int64.random(in: -2_000_000_000...4_000_000_000, using: &random)
            let day = PostgresDate(daysSince1970: Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
            let second = ((seconds % 86_400) + 86_400) % 86_400
            let digits = Int.random(in: 0...6, using: &random)
            let fraction = digits == 0 ? "" : "." + (0..<digits).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            texts.append(String(format: "%04d-%02d-%02d %02d:%02d:%02d", day.year, day.month, day.day, second / 3600, second / 60 % 60, second % 60) + fraction + "+00")
        }
        for text in texts {
            var written = JSONText(), expected = JSONText()
            let fast = Array(text.utf8).withUnsafeBufferPointer { written.append(timestamptz: $0) }
            expected.append(timestamp: try Array(text.utf8).withUnsafeBufferPointer { try Date(postgresBytes: $0, type: .timestamptz) })
            #expect(fast && written.contents == expected.contents, "\(text): \(String(decoding: written.contents, as: UTF8.self))")
        }
        for other in ["2026-03-01 08:30:00+08", "2026-03-01 08:30:00+05:30", "0044-03-15 12:00:00+00 BC", "12026-03-01 08:30:00+00",
                      "2026-03-01T08:30:00+00", "2026-03-01 08:30:00.+00", "2026-3-01 08:30:00+00"] {
            var written = JSONText()
            let fast = Array(other.utf8).withUnsafeBufferPointer { written.append(timestamptz: $0) }
            #expect(!fast && written.contents.isEmpty, "\(other)")
        }
    }
}

extension JSONText {
    /// The bytes written so far.
    var contents: [UInt8] { Array(buffer.readableBytesView) }
}
