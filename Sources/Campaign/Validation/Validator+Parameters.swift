extension Validator {
    /// A year from 2000 to 2100 (`Month.years`), written in digits.
    public mutating func year(_ value: String?, field: String, required: Bool = true) -> Int? {
        let range = ["min": "\(Month.years.lowerBound)", "max": "\(Month.years.upperBound)"]
        guard let value else { return missing(field, required: required, .requiredYear, range) }
        guard let year = Int(value), Month.years.contains(year) else {
            add(field, .notAYear, range)
            return nil
        }
        return year
    }

    /// An id: an integer above zero.
    public mutating func id(_ value: String?, field: String, required: Bool = true) -> Int64? {
        guard let value else { return missing(field, required: required, .notAnID) }
        guard let id = Int64(value), id > 0 else {
            add(field, .notAnID)
            return nil
        }
        return id
    }

    /// `true` or `false`.
    public mutating func boolean(_ value: String?, field: String) -> Bool? {
        switch value {
        case nil: return nil
        case "true": return true
        case "false": return false
        default: add(field, .notABoolean); return nil
        }
    }
}
