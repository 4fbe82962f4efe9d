import Campaign
import Hummingbird

/// Query-string filters: a bad value is a 422 naming the parameter.
enum QueryValues {
    /// An optional id filter (integer > 0).
    static func id(_ name: String, in request: Request, validator: inout Validator) -> Int64? {
        guard let text = request.uri.queryParameters[Substring(name)] else { return nil }
        guard let value = Int64(text), value > 0 else {
            validator.add(name, .notAnID)
            return nil
        }
        return value
    }

    /// A year from 2000 to 2100.
    static func year(_ name: String, in request: Request, required: Bool, validator: inout Validator) -> Int? {
        let text = request.uri.queryParameters[Substring(name)].map(String.init)
        guard let text else {
            if required { validator.add(name, .requiredYear, ["min": "\(Month.years.lowerBound)", "max": "\(Month.years.upperBound)"]) }
            return nil
        }
        guard let year = Int(text), Month.years.contains(year) else {
            validator.add(name, .notAYear, ["min": "\(Month.years.lowerBound)", "max": "\(Month.years.upperBound)"])
            return nil
        }
        return year
    }
}

extension QueryValues {
    /// An optional `true` or `false`.
    static func bool(_ name: String, in request: Request, validator: inout Validator) -> Bool? {
        guard let text = request.uri.queryParameters[Substring(name)] else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: validator.add(name, .notABoolean); return nil
        }
    }
}
