import Campaign
import Foundation
import Testing

/// `ExplanationRule`: unusual below 30% or above 300% of a positive month's plan.
@Suite struct ExplanationRuleTests {
    let rule = ExplanationRule.default

    @Test func theEdgesOfTheRangeAreUsual() {
        #expect(!rule.isUnusual(amount: 30, plan: 100))
        #expect(!rule.isUnusual(amount: 300, plan: 100))
    }

    @Test func justOutsideTheRangeIsUnusual() {
        #expect(rule.isUnusual(amount: Decimal(string: "29.99")!, plan: 100))
        #expect(rule.isUnusual(amount: Decimal(string: "300.01")!, plan: 100))
    }

    @Test func aMonthWithoutPlanOrWithAZeroPlanIsNeverUnusual() {
        #expect(!rule.isUnusual(amount: 5000, plan: nil))
        #expect(!rule.isUnusual(amount: 5000, plan: 0))
    }

    @Test func anExplanationThatIsOnlySpacesDoesNotCount() {
        #expect(rule.refuses(amount: 1, plan: 100, explanation: "  \n"))
        #expect(!rule.refuses(amount: 1, plan: 100, explanation: "停工"))
    }

    @Test func theMessageNamesTheFiguresAndTheRange() {
        let message = rule.message(amount: Decimal(string: "1280.5")!, plan: Decimal(string: "8939.28")!).text()
        #expect(message.contains("1,280.50") && message.contains("8,939.28") && message.contains("30%–300%") && message.contains("情况说明"))
    }
}
