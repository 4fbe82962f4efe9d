import Campaign
import Hummingbird

/// Path parameters other than ids and months (see `Preconditions.pathID`, `pathMonth`): a path
/// that cannot name a resource is answered 422 naming the parameter and what to send.
enum PathValues {
    /// A year from 2000 to 2100.
    static func year(_ name: String = "year", in context: some RequestContext) throws -> Int {
        guard let text = context.parameters.get(name), let year = Int(text), Month.years.contains(year) else {
            throw Problem.invalid([FieldError(field: name, .notAYear, ["min": "\(Month.years.lowerBound)", "max": "\(Month.years.upperBound)"])])
        }
        return year
    }

    /// One of an enumeration's codes.
    static func choice<E: RawRepresentable & CaseIterable>(
        _ name: String, as type: E.Type = E.self, in context: some RequestContext
    ) throws -> E where E.RawValue == String {
        guard let text = context.parameters.get(name), let value = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem.invalid([FieldError(field: name, .notAChoice, ["allowed": allowed, "value": String((context.parameters.get(name) ?? "").prefix(40))])])
        }
        return value
    }
}
