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
            validator.add(field, .requiredYear, ["min": "\(years.lowerBound)", "max": "\(years.upperBound)"])
            return nil
        }
        guard let year = Int(text), years.contains(year) else {
            validator.add(field, .notAYear, ["min": "\(years.lowerBound)", "max": "\(years.upperBound)"])
            return nil
        }
        return year
    }

    /// A period from text (`Q1`…`Q4` or `year`), or nil after recording why in `validator`.
    static func period(_ text: String?, validator: inout Validator) -> Period? {
        guard let text else {
            validator.add("period", .requiredChoice, ["allowed": "Q1, Q2, Q3, Q4, year"])
            return nil
        }
        guard let period = Period(rawValue: text) else {
            validator.add("period", .notAChoice, ["allowed": "Q1, Q2, Q3, Q4, year", "value": String(text.prefix(40))])
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
        Problem(.forbidden, .countyOnly, ["what": what])
    }
}
