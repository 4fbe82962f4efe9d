import Campaign
import Hummingbird

extension Preconditions {
    /// The `month` path parameter as `YYYY-MM`, or 422 naming it.
    static func pathMonth(_ name: String, in context: some RequestContext) throws -> Month {
        var validator = Validator()
        guard let month = validator.month(context.parameters.get(name), field: name) else { throw Problem.invalid(validator.errors) }
        return month
    }

    /// 422 naming `field` when `clock` says `month` has not begun (`CampaignClock.notBegun`).
    static func begun(_ month: Month, clock: CampaignClock, field: String = "month") throws {
        if let message = clock.notBegun(month) { throw Problem.invalid([FieldError(field: field, message: message)]) }
    }
}
