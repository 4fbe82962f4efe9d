import Campaign
import Hummingbird
import Store

/// Reading years and periods from paths and query strings, and the county-only write rule of
/// schemes and assessments.
enum AssessmentParameters {
    static let years = 2000...2100

    /// A year from text, or nil after recording why in `validator`.
    static func year(_ text: String?, field: String = "year", validator: inout Validator) -> Int? {
        guard let text else {
            validator.add(field, "required: a year from \(years.lowerBound) to \(years.upperBound)")
            return nil
        }
        guard let year = Int(text), years.contains(year) else {
            validator.add(field, "must be a year from \(years.lowerBound) to \(years.upperBound)")
            return nil
        }
        return year
    }

    /// A period from text (`Q1`…`Q4` or `year`), or nil after recording why in `validator`.
    static func period(_ text: String?, validator: inout Validator) -> Period? {
        guard let text else {
            validator.add("period", "required: one of Q1, Q2, Q3, Q4, year")
            return nil
        }
        guard let period = Period(rawValue: text) else {
            validator.add("period", "must be one of Q1, Q2, Q3, Q4, year")
            return nil
        }
        return period
    }

    /// The `{year}` path parameter: 422 unless a year in range.
    static func pathYear(in context: some RequestContext) throws -> Int {
        var validator = Validator()
        let year = year(context.parameters.get("year"), validator: &validator)
        guard let year, validator.isValid else { throw Problem.invalid(validator.errors) }
        return year
    }

    /// Whether the caller may manage schemes and assessments: a county editor or admin.
    static func mayManage(_ caller: Caller) -> Bool {
        caller.agencyKind == .county && (caller.role == .editor || caller.role == .admin)
    }

    static func forbidden(_ what: String) -> Problem {
        Problem(.forbidden, detail: "only county editors may \(what)")
    }
}
