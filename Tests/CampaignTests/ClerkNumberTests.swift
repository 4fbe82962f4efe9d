import Campaign
import Foundation
import Testing

/// Numbers as clerks type them: one rule (DOMAIN.md) for every typed number.
@Suite struct ClerkNumberTests {
    @Test(arguments: [
        ("１２３．５", ClerkNumber.Unit.tenThousandYuan, "123.5"), ("1,234.50", .tenThousandYuan, "1234.5"),
        ("１，２３４", .tenThousandYuan, "1234"), ("12.5万元", .tenThousandYuan, "12.5"), (" 88 万元", .tenThousandYuan, "88"),
        ("3亩", .mu, "3"), ("－５", .tenThousandYuan, "-5"),
    ])
    func typedNumbersAreRead(_ text: String, _ unit: ClerkNumber.Unit, _ expected: String) {
        #expect(ClerkNumber.parse(text, unit: unit) == Decimal(string: expected), "\(text)")
    }

    @Test(arguments: [("一百", ClerkNumber.Unit.tenThousandYuan), ("3亩", .tenThousandYuan), ("12万元", .mu), ("1.2.3", .mu), ("", .mu)])
    func anythingElseIsNotANumber(_ text: String, _ unit: ClerkNumber.Unit) {
        #expect(ClerkNumber.parse(text, unit: unit) == nil, "\(text)")
    }
}
