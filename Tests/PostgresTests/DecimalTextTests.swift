import Foundation
@testable import Postgres
import Testing

/// Amounts are written from their digits, exactly as `Decimal.description` spells them, in query
/// parameters and in the API's JSON alike.
@Suite struct DecimalTextTests {
    static func written(_ value: Decimal) -> String {
        let appended = DecimalText.withText(of: value) { String(decoding: $0, as: UTF8.self) }
        #expect(DecimalText.string(value) == appended)
        #expect(value.postgresText == appended)
        return appended
    }

    @Test func theLayoutOfThisFoundationIsTheOneChecked() {
        #expect(DecimalLayout.isKnown)
    }

    @Test func amountsAreWrittenAsDescriptionWritesThem() throws {
        let texts = ["0", "0.00", "-0.5", "1473.10", "1473.1", "12000.50", "100", "100.00", "0.001", "0.00015", "15000",
                     "99999999999.99", "-123456.78", "1", "10", "0.1", "18446744073709551615", "184467440737095516.15",
                     "123456789012345678901234567890", "-98765432109876543210.5",
                     "340282366920938463463374607431768211455", "0.3333333333333333333333333333333333333",
                     "-1.2345678901234567890123456789012345678", "98765432109876543210987654321098765432100000"]
        for text in texts {
            let value = try #require(Decimal(string: text))
            #expect(Self.written(value) == value.description, "\(text)")
        }
    }

    @Test func randomAndComputedValuesAreWrittenAsDescriptionWritesThem() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20_000 {
            let mantissa: UInt64 = switch round % 4 {
            case 0: UInt64.random(in: 0...1_000, using: &generator)
            case 1: UInt64.random(in: 0...99_999_999_999, using: &generator)
            case 2: UInt64.random(in: 0...UInt64.max, using: &generator)
            default: UInt64.random(in: 0...UInt64(UInt32.max), using: &generator)
            }
            let value = Decimal(
                sign: Bool.random(using: &generator) ? .minus : .plus, exponent: Int.random(in: -20...20, using: &generator),
                significand: Decimal(mantissa))
            #expect(Self.written(value) == value.description, "\(mantissa) \(value.exponent)")
            // arithmetic leaves values uncompacted, long, or both
            let computed = [value * 100, value / 3, value + Decimal(string: "0.10")!, value - value]
            for other in computed {
                #expect(Self.written(other) == other.description)
            }
        }
        #expect(Self.written(Decimal.nan) == Decimal.nan.description)
    }

    @Test func wordsBeyondTheLengthAreReadAsDescriptionReadsThem() {
        var value = Decimal(5)
        withUnsafeMutableBytes(of: &value) { raw in
            raw[4 + 2 * 3] = 0x01  // word 3, beyond the length of one word
        }
        #expect(Self.written(value) == value.description)
    }
}
