import Foundation

/// Collects field errors while checking a request body, so the client hears about every bad
/// field at once.
///
/// Each check returns the parsed value, or nil after recording an error. A field that is
/// absent is an error only when `required` is true.
///
///     var v = Validator()
///     let name = v.string(body.name, field: "name", maxLength: 200)
///     let stage: Stage? = v.choice(body.stage, field: "stage")
///     let total = v.money(body.totalInvestment, field: "total_investment")
///     guard v.errors.isEmpty, let name, let stage, let total else { throw … v.errors … }
public struct Validator: Sendable {
    /// The errors found so far, in the order found.
    public private(set) var errors: [FieldError] = []

    /// A validator with no errors.
    public init() {}

    /// Whether no error has been recorded.
    public var isValid: Bool { errors.isEmpty }

    /// Records an error.
    public mutating func add(_ field: String, _ message: String) {
        errors.append(FieldError(field: field, message: message))
    }

    /// Records errors found elsewhere (a scheme's `validate()`, a stage's `missingDates`).
    public mutating func add(contentsOf more: [FieldError]) {
        errors.append(contentsOf: more)
    }

    /// Records `message` for `field` unless `condition` holds; returns `condition`.
    @discardableResult
    public mutating func require(_ condition: Bool, _ field: String, _ message: String) -> Bool {
        if !condition { add(field, message) }
        return condition
    }

    /// Records the error for a missing field when `required`; returns nil either way.
    mutating func missing<T>(_ field: String, required: Bool, _ what: String) -> T? {
        if required { add(field, "required: \(what)") }
        return nil
    }

    /// A string that is not blank after trimming and at most `maxLength` characters; trimmed.
    public mutating func string(
        _ value: String?, field: String, maxLength: Int, required: Bool = true
    ) -> String? {
        let what = "a non-empty text of at most \(maxLength) characters"
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            if value != nil, required { add(field, "must not be blank: \(what)"); return nil }
            return missing(field, required: required, what)
        }
        guard trimmed.count <= maxLength else {
            add(field, "must be at most \(maxLength) characters (got \(trimmed.count))")
            return nil
        }
        return trimmed
    }

    /// One of an enumeration's raw values; the message lists the allowed values.
    public mutating func choice<E: RawRepresentable & CaseIterable>(
        _ value: String?, field: String, required: Bool = true
    ) -> E? where E.RawValue == String {
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        guard let value else { return missing(field, required: required, "one of \(allowed)") }
        guard let parsed = E(rawValue: value) else {
            add(field, "must be one of \(allowed) (got \"\(value)\")")
            return nil
        }
        return parsed
    }

    /// A real calendar date written `YYYY-MM-DD`.
    public mutating func date(_ value: String?, field: String, required: Bool = true) -> CalendarDate? {
        let what = "a date as YYYY-MM-DD"
        guard let value else { return missing(field, required: required, what) }
        guard let date = CalendarDate(value) else {
            add(field, "must be a real date as YYYY-MM-DD (got \"\(value)\")")
            return nil
        }
        return date
    }

    /// A month written `YYYY-MM`, year 2000…2100.
    public mutating func month(_ value: String?, field: String, required: Bool = true) -> Month? {
        let what = "a month as YYYY-MM"
        guard let value else { return missing(field, required: required, what) }
        guard let month = Month(value) else {
            add(field, "must be a month as YYYY-MM with year 2000-2100 (got \"\(value)\")")
            return nil
        }
        return month
    }

    /// Money from an exact `Decimal` (see `Money` for which check to prefer).
    public mutating func money(_ value: Decimal?, field: String, required: Bool = true) -> Money? {
        guard let value else { return missing(field, required: required, Money.requirement.dropMust) }
        return record(Money.check(value), field: field)
    }

    /// Money from the raw text of a JSON number token.
    public mutating func money(token: String?, field: String, required: Bool = true) -> Money? {
        guard let token else { return missing(field, required: required, Money.requirement.dropMust) }
        return record(Money.parse(token), field: field)
    }

    mutating func record(_ result: Result<Money, Money.Problem>, field: String) -> Money? {
        switch result {
        case .success(let money): return money
        case .failure(let problem): add(field, problem.message); return nil
        }
    }

    /// An integer greater than zero (an id, a count, a year).
    public mutating func positiveInteger(_ value: Int?, field: String, required: Bool = true) -> Int? {
        guard let value else { return missing(field, required: required, "an integer > 0") }
        guard value > 0 else { add(field, "must be an integer > 0 (got \(value))"); return nil }
        return value
    }

    /// An integer within `range`.
    public mutating func integer(
        _ value: Int?, field: String, in range: ClosedRange<Int>, required: Bool = true
    ) -> Int? {
        let what = "an integer from \(range.lowerBound) to \(range.upperBound)"
        guard let value else { return missing(field, required: required, what) }
        guard range.contains(value) else { add(field, "must be \(what) (got \(value))"); return nil }
        return value
    }
}

extension String {
    /// "must be X" → "X", for the "required: X" message.
    var dropMust: String { hasPrefix("must be ") ? String(dropFirst("must be ".count)) : self }
}
