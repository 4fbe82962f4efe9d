import Foundation

/// Unusual figures need a reason (DOMAIN.md): a month's reported investment below `below` or
/// above `above` times the project's planned amount for that month needs an explanation
/// (情况说明). Months whose plan is zero or absent are never unusual. The API, the spreadsheet
/// import and the demo loader all ask this one rule.
public struct ExplanationRule: Sendable, Equatable {
    /// Unusual below this share of the month's plan (county setting, 0.30 by default).
    public var below: Decimal
    /// Unusual above this multiple of the month's plan (county setting, 3.00 by default).
    public var above: Decimal

    public init(below: Decimal, above: Decimal) {
        self.below = below
        self.above = above
    }

    /// The county's default range: 30% to 300% of the month's plan.
    public static let `default` = ExplanationRule(below: Decimal(string: "0.30")!, above: Decimal(string: "3.00")!)

    /// Whether `amount` against the month's `plan` (nil: no plan) needs an explanation.
    public func isUnusual(amount: Decimal, plan: Decimal?) -> Bool {
        guard let plan, plan > 0 else { return false }
        return amount < plan * below || amount > plan * above
    }

    /// Whether a report of `amount` against `plan` is refused for want of `explanation`.
    public func refuses(amount: Decimal, plan: Decimal?, explanation: String) -> Bool {
        isUnusual(amount: amount, plan: plan) && explanation.trimmingWhiteSpace().isEmpty
    }

    /// What the clerk reads when the explanation is missing (names the range and the plan).
    public func message(amount: Decimal, plan: Decimal) -> Message {
        Message(.explanationRequired, [
            "amount": Wording.grouped(amount, decimals: 2), "plan": Wording.grouped(plan, decimals: 2),
            "below": Wording.grouped(below * 100, decimals: 0), "above": Wording.grouped(above * 100, decimals: 0),
        ])
    }
}
