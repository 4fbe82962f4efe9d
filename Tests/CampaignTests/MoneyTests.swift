import Campaign
import Foundation
import Testing

@Suite struct MoneyTests {
    /// (raw JSON token, the exact amount or the problem)
    static let tokens: [(String, Result<String, Money.Problem>)] = [
        ("0", .success("0")), ("12", .success("12")), ("12.5", .success("12.5")),
        ("12.50", .success("12.5")), ("0.1", .success("0.1")), ("0.01", .success("0.01")),
        ("1.230", .success("1.23")), ("1e2", .success("100")), ("1.5E+1", .success("15")), ("-0", .success("0")),
        ("99999999999999.99", .success("99999999999999.99")),
        ("100000000000000", .failure(.tooLarge)), ("1e14", .failure(.tooLarge)),
        ("1.234", .failure(.tooManyDecimals)), ("0.005", .failure(.tooManyDecimals)),
        ("1.5e-3", .failure(.tooManyDecimals)),
        ("-1", .failure(.negative)), ("-0.01", .failure(.negative)),
        ("12.", .failure(.notANumber)), (".5", .failure(.notANumber)), ("01", .failure(.notANumber)),
        ("+1", .failure(.notANumber)), (" 1", .failure(.notANumber)), ("1 ", .failure(.notANumber)),
        (#""12""#, .failure(.notANumber)), ("", .failure(.notANumber)), ("NaN", .failure(.notANumber)),
        ("1,5", .failure(.notANumber)), ("0x10", .failure(.notANumber)), ("1e", .failure(.notANumber)),
        ("1e400", .failure(.notANumber)), ("-", .failure(.notANumber)), ("12a", .failure(.notANumber)),
    ]

    @Test(arguments: tokens)
    func parseToken(token: String, expected: Result<String, Money.Problem>) {
        let parsed = Money.parse(token).map(\.amount)
        switch expected {
        case .success(let text): #expect(parsed == .success(d(text)), "\(token)")
        case .failure(let problem): #expect(parsed == .failure(problem), "\(token)")
        }
    }

    @Test(arguments: [
        ("0.1", nil), ("12345678901234.56", nil), ("0.001", Money.Problem.tooManyDecimals),
        ("-0.01", .negative), ("100000000000000", .tooLarge), ("99999999999999.999", .tooManyDecimals),
    ])
    func checkDecimal(value: String, problem: Money.Problem?) {
        let result = Money.check(d(value))
        if let problem {
            #expect(result == .failure(problem))
        } else {
            #expect(result.map(\.amount) == .success(d(value)))
        }
    }

    /// JSONDecoder must hand `Money` the exact digits, not a `Double`'s approximation.
    @Test func decodesExactlyFromJSON() throws {
        let amounts = try JSONDecoder().decode([Money].self, from: Data("[0.1, 0.7, 1234567890123.45]".utf8))
        #expect(amounts.map(\.amount) == [d("0.1"), d("0.7"), d("1234567890123.45")])
        #expect(amounts[0].amount + amounts[1].amount == d("0.8"))
        #expect(String(decoding: try JSONEncoder().encode(amounts), as: UTF8.self) == "[0.1,0.7,1234567890123.45]")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Money].self, from: Data("[1.005]".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Money].self, from: Data("[-1]".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Money].self, from: Data(#"["1"]"#.utf8)) }
    }

    @Test func messagesSayWhatToSend() {
        #expect(Money.Problem.negative.message.code == .negativeAmount)
        #expect(Money.Problem.tooLarge.message.text().contains("14 位"))
        #expect(Money.Problem.tooLarge.message.text(.en).contains("14 digits"))
    }
}

@Suite struct RoundingTests {
    /// (value, places, half away from zero)
    @Test(arguments: [
        ("2.345", 2, "2.35"), ("-2.345", 2, "-2.35"), ("2.3449", 2, "2.34"), ("-2.3449", 2, "-2.34"),
        ("0.005", 2, "0.01"), ("-0.005", 2, "-0.01"), ("0.004", 2, "0"), ("87.344", 2, "87.34"),
        ("87.335", 2, "87.34"), ("87.345", 2, "87.35"), ("99.995", 2, "100"), ("1.00005", 4, "1.0001"),
        ("0.99995", 4, "1"), ("0.33333333333333333333333333333333333333", 4, "0.3333"),
        ("-1.00005", 4, "-1.0001"), ("12.5", 0, "13"), ("-12.5", 0, "-13"),
    ])
    func halfAwayFromZero(value: String, places: Int, expected: String) {
        #expect(d(value).rounded(places: places) == d(expected), "\(value) to \(places)")
    }

    @Test func scoreAndRatioHelpers() {
        #expect(Scoring.roundScore(d("83.335")) == d("83.34"))
        #expect(Scoring.roundRatio(d("1.23456")) == d("1.2346"))
        #expect(d("1.20").hasAtMost(decimalPlaces: 2))
        #expect(!d("1.205").hasAtMost(decimalPlaces: 2))
    }
}
