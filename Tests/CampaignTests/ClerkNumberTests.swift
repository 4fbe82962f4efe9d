import Campaign
import Foundation
import Testing

/// Numbers as clerks type them: one rule (DOMAIN.md) for every typed number. The cases live in
/// `Tests/clerk-numbers.json`, which the console's parser is tested against too
/// (`Tests/e2e/test_console_numbers.py`), so the server's rule and the console's cannot drift.
@Suite struct ClerkNumberTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var text: String
        var unit: String
        var value: String?

        var testDescription: String { "\(text) (\(unit)) → \(value ?? "not a number")" }
    }

    static let cases: [Case] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("clerk-numbers.json")
        struct Table: Decodable { var cases: [Case] }
        // swiftlint:disable:next force_try
        return try! JSONDecoder().decode(Table.self, from: Data(contentsOf: file)).cases
    }()

    @Test(arguments: cases)
    func aTypedNumberIsReadAsTheTableSays(_ example: Case) throws {
        let unit = try #require(ClerkNumber.Unit(rawValue: example.unit))
        #expect(ClerkNumber.parse(example.text, unit: unit) == example.value.flatMap { Decimal(string: $0) })
    }

    @Test func theTableHoldsNumbersAndRefusalsOfBothUnits() {
        #expect(Set(Self.cases.map(\.unit)) == ["万元", "亩"])
        #expect(Self.cases.contains { $0.value == nil } && Self.cases.contains { $0.value != nil })
    }
}
