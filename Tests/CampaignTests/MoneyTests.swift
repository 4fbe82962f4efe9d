import Campaign
import Foundation
import Testing

@Suite struct MoneyTests {
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
