import Campaign
import Hummingbird

extension Preconditions {
    /// The `month` path parameter as `YYYY-MM`, or 422 naming it.
    static func pathMonth(_ name: String, in context: some RequestContext) throws -> Month {
        var validator = Validator()
        guard let month = validator.month(context.parameters.get(name), field: name) else { throw Problem.invalid(validator.errors) }
        return month
    }
}
