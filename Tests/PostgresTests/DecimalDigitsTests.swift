import Foundation
import Postgres
import Testing

/// `DecimalDigits`: the one builder of a `Decimal` from digits, for PostgreSQL's `numeric` text
/// and for JSON numbers, against Foundation's `Decimal(string:)`.
@Suite struct DecimalDigitsTests {
    private static let posix = Locale(identifier: "en_US_POSIX")

    private static func read(_ text: String, exponent: Bool = false) -> Decimal? {
        Array(text.utf8).withUnsafeBufferPointer { DecimalDigits.decimal($0, exponent: exponent) }
    }

    @Test func jsonNumbersAreReadAsDecimalReadsThem() throws {
        var random = SystemRandomNumberGenerator()
        var tokens = ["0.5", "1.50", "100", "10e-1", "1E5", "1e+2", "-0.05", "0.000000000000000000001", "1234567890123456789",
                      "12345678901234567890", "9999999999.99", "-12.30e-2", "5e-100", "5e100", "1e-130", "1e130", "123.456e7"]
        for _ in 0..<5_000 {
            var token = (Bool.random(using: &random) ? "-" : "") + String(UInt64.random(in: 0...UInt64.max, using: &random) >> UInt64.random(in: 0...63, using: &random))
            if Bool.random(using: &random) { token += "." + String(Int.random(in: 0...999_999, using: &random)) + String(repeating: "0", count: Int.random(in: 0...3, using: &random)) }
            if Int.random(in: 0..<4, using: &random) == 0 { token += "e" + String(Int.random(in: -30...30, using: &random)) }
            tokens.append(token)
        }
        var readFromDigits = 0
        for token in tokens {
            let read = Array(token.utf8).withUnsafeBufferPointer { DecimalDigits.decimal($0, exponent: true) }
            // beyond 19 significant digits or a far exponent, `Decimal(string:)` decides (and may refuse)
            guard let read else { continue }
            readFromDigits += 1
            let expected = Decimal(string: token, locale: Locale(identifier: "en_US_POSIX"))
            #expect(read == expected && DecimalText.string(read) == expected.map(DecimalText.string), "\(token): \(read) against \(String(describing: expected))")
        }
        #expect(readFromDigits > tokens.count / 2)
    }
    /// `numeric` text as PostgreSQL prints it, and what is left to `Decimal(string:)` or refused.
    @Test func numericTextIsReadAsDecimalReadsIt() {
        for text in ["0", "-0", "0.00", "1473.10", "-2", "0.00015", "15000", "12345678901234.56", "0.000000000000000000001234",
                     "-98765432109876543.2", "1234567890123456789"] {
            #expect(Self.read(text) == Decimal(string: text, locale: Self.posix), "\(text)")
            #expect(Self.read(text).map(DecimalText.string) == Decimal(string: text, locale: Self.posix).map(DecimalText.string), "\(text)")
        }
        // not numbers: refused, and no exponent without leave
        for text in ["", "-", ".", "NaN", "Infinity", "+1", "1-2", "1.2.3", "--1", "1 ", "1e5", "1E5", "0x10"] {
            #expect(Self.read(text) == nil, "\(text)")
        }
        // numbers beyond 19 significant digits: left to Foundation (nil here), not cut short
        #expect(Self.read("12345678901234567890") == nil)
        #expect(Self.read("1234567890.1234567890") == nil)
        #expect(Self.read("0.0000000000000000000000000000001234") != nil)
    }

    @Test func anExponentNeedsOneToFourDigitsAndLeave() {
        #expect(Self.read("1.5e3", exponent: true) == 1500)
        #expect(Self.read("25E-1", exponent: true) == Decimal(string: "2.5"))
        for text in ["1e", "1e+", "1e-", "1e12345", "1e1.5", "1ee1", "e5", "-e5"] {
            #expect(Self.read(text, exponent: true) == nil, "\(text)")
        }
    }
}
