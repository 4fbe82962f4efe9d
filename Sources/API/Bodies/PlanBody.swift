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
            throw Problem.invalid([FieldError(field: "monthly", .monthlySum, [
                "sum": Wording.money(sum), "annual": Wording.money(annual.amount),
                "sum_code": sum.plainText, "annual_code": annual.amount.plainText,
            ])])
        }
        return PlanFields(annualInvestment: annual.amount, monthly: monthly)
    }

    /// `monthly`: an array of exactly twelve amounts, January first; each error names its month
    /// as `monthly[i]` (0-based).
    private static func months(_ body: inout RequestBody) -> [Decimal]? {
        guard body.present("monthly"), let value = body.fields["monthly"] else {
            body.validator.add("monthly", .monthlyRequired)
            return nil
        }
        guard case .array(let items) = value else {
            body.validator.add("monthly", .monthlyNotArray, ["got": value.typeName])
            return nil
        }
        guard items.count == 12 else {
            body.validator.add("monthly", .monthlyCount, ["got": "\(items.count)"])
            return nil
        }
        var amounts: [Decimal] = []
        for (index, item) in items.enumerated() {
            let field = "monthly[\(index)]"
            guard case .number(let number) = item else {
                body.validator.add(field, .notANumber)
                continue
            }
            if let money = body.validator.money(number, field: field) { amounts.append(money.amount) }
        }
        return amounts.count == 12 ? amounts : nil
    }
}
