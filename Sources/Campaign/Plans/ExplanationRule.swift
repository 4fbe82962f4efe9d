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
        isUnusual(amount: amount, plan: plan) && explanation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// What the clerk reads when the explanation is missing (names the range and the plan).
    public func message(amount: Decimal, plan: Decimal) -> String {
        let percent = Decimal.FormatStyle(locale: Locale(identifier: "en_US")).precision(.fractionLength(0))
        let money = Decimal.FormatStyle(locale: Locale(identifier: "en_US")).precision(.fractionLength(2))
        return "本月完成投资 \(amount.formatted(money)) 万元不在本月计划 \(plan.formatted(money)) 万元的 "
            + "\((below * 100).formatted(percent))%–\((above * 100).formatted(percent))% 之内，请填写情况说明（说明偏离计划的原因）"
    }
}
