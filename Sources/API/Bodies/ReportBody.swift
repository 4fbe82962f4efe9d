import Campaign
import Foundation
import Store

/// Reads a monthly report: `{"investment_completed","progress","problems","explanation"}` (a PUT
/// replaces all).
enum ReportBody {
    static let textLimit = 4000

    static func read(_ body: inout RequestBody) throws -> MonthlyReportFields {
        let investment = body.money("investment_completed")
        let progress = text("progress", &body)
        let problems = text("problems", &body)
        let explanation = text("explanation", &body)
        try body.finish()
        guard let investment else { throw Problem.invalid(body.validator.errors) }
        return MonthlyReportFields(
            investmentCompleted: investment.amount, progress: progress ?? "", problems: problems ?? "", explanation: explanation ?? "")
    }

    /// Optional free text (may be empty), trimmed, at most `textLimit` characters.
    /// 422 `explanation_required` when `fields` are unusual against the month's `plan` and carry
    /// no explanation (`ExplanationRule`, DOMAIN.md).
    static func checkExplanation(_ fields: MonthlyReportFields, plan: Decimal?, rule: ExplanationRule) throws {
        guard rule.refuses(amount: fields.investmentCompleted, plan: plan, explanation: fields.explanation), let plan else { return }
        let message = rule.message(amount: fields.investmentCompleted, plan: plan)
        throw Problem(.unprocessableContent, message: message, errors: [FieldError(field: "explanation", message: message)])
    }

    private static func text(_ field: String, _ body: inout RequestBody) -> String? {
        guard let raw = body.rawString(field) else { return nil }
        let trimmed = raw.trimmingWhiteSpace()
        guard trimmed.count <= textLimit else {
            body.validator.add(field, .textTooLong, ["max": "\(textLimit)", "got": "\(trimmed.count)"])
            return nil
        }
        return trimmed
    }
}
