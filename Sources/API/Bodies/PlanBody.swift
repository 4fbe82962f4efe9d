import Campaign
import Foundation
import Store

/// Reads an annual investment plan: `{"annual_investment","monthly":[12 numbers]}`, where the
/// months are money and add up exactly to the annual amount.
enum PlanBody {
    static func read(_ body: inout RequestBody) throws -> PlanFields {
        let annual = body.money("annual_investment")
        let monthly = months(&body)
        try body.finish()
        guard let annual, let monthly else { throw Problem.invalid(body.validator.errors) }
        let sum = monthly.reduce(0, +)
        guard sum == annual.amount else {
            throw Problem.invalid([FieldError(
                field: "monthly",
                message: "the twelve months add up to \(sum.plainText), not to annual_investment \(annual.amount.plainText); make them equal")])
        }
        return PlanFields(annualInvestment: annual.amount, monthly: monthly)
    }

    /// `monthly`: an array of exactly twelve amounts, January first; each error names its month
    /// as `monthly[i]` (0-based).
    private static func months(_ body: inout RequestBody) -> [Decimal]? {
        guard body.present("monthly"), let value = body.fields["monthly"] else {
            body.validator.add("monthly", "required: an array of 12 monthly amounts in 万元, January first")
            return nil
        }
        guard case .array(let items) = value else {
            body.validator.add("monthly", "must be an array of 12 monthly amounts in 万元, not \(value.typeName)")
            return nil
        }
        guard items.count == 12 else {
            body.validator.add("monthly", "must have exactly 12 monthly amounts, January to December (got \(items.count))")
            return nil
        }
        var amounts: [Decimal] = []
        for (index, item) in items.enumerated() {
            let field = "monthly[\(index)]"
            guard case .number(let number) = item else {
                body.validator.add(field, "must be a number ≥ 0 with at most 2 decimals, in 万元, not \(item.typeName)")
                continue
            }
            if let money = body.validator.money(number, field: field) { amounts.append(money.amount) }
        }
        return amounts.count == 12 ? amounts : nil
    }
}
