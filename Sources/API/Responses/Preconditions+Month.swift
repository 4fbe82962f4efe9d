import Campaign
import Hummingbird

extension Preconditions {
    /// The `month` path parameter as `YYYY-MM`, or 422 naming it.
    static func pathMonth(_ name: String, in context: some RequestContext) throws -> Month {
        var validator = Validator()
        guard let month = validator.month(context.parameters.get(name), field: name) else { throw Problem.invalid(validator.errors) }
        return month
    }

    /// 422 naming `field` unless `month` has begun in Asia/Shanghai: nothing is reported or
    /// attached for a month that has not begun.
    static func begun(_ month: Month, clock: CampaignClock, field: String = "month") throws {
        let today = clock.today
        guard month <= today.yearMonth else {
            throw Problem.invalid([FieldError(
                field: field, message: .monthNotBegun(month, today: today))])
        }
    }
}
