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

    /// Records an error: catalogue `code` for `field`, its text filled from `arguments`.
    public mutating func add(_ field: String, _ code: MessageCode, _ arguments: [String: String] = [:]) {
        errors.append(FieldError(field: field, code, arguments))
    }

    /// Records an error whose message was made elsewhere.
    public mutating func add(_ field: String, _ message: Message) {
        errors.append(FieldError(field: field, message: message))
    }

    /// Records errors found elsewhere (a scheme's `validate()`, a stage's `missingDates`).
    public mutating func add(contentsOf more: [FieldError]) {
        errors.append(contentsOf: more)
    }

    /// Records `code` for `field` unless `condition` holds; returns `condition`.
    @discardableResult
    public mutating func require(_ condition: Bool, _ field: String, _ code: MessageCode) -> Bool {
        if !condition { add(field, code) }
        return condition
    }

    /// Records `code` for a missing field when `required`; returns nil either way.
    mutating func missing<T>(_ field: String, required: Bool, _ code: MessageCode, _ arguments: [String: String] = [:]) -> T? {
        if required { add(field, code, arguments) }
        return nil
    }

    /// A string that is not blank after trimming and at most `maxLength` characters; trimmed.
    public mutating func string(
        _ value: String?, field: String, maxLength: Int, required: Bool = true
    ) -> String? {
        let limit = ["max": "\(maxLength)"]
        guard let trimmed = value?.trimmingWhiteSpace(), !trimmed.isEmpty else {
            if value != nil, required { add(field, .blankText, limit); return nil }
            return missing(field, required: required, .requiredText, limit)
        }
        guard trimmed.count <= maxLength else {
            add(field, .textTooLong, ["max": "\(maxLength)", "got": "\(trimmed.count)"])
            return nil
        }
        return trimmed
    }

    /// One of an enumeration's raw values; the message lists the allowed values.
    public mutating func choice<E: RawRepresentable & CaseIterable>(
        _ value: String?, field: String, required: Bool = true
    ) -> E? where E.RawValue == String {
        let allowed = { E.allCases.map { $0.rawValue }.joined(separator: ", ") }  // for the message only
        guard let value else { return required ? missing(field, required: true, .requiredChoice, ["allowed": allowed()]) : nil }
        guard let parsed = E(rawValue: value) else {
            add(field, .notAChoice, ["allowed": allowed(), "value": String(value.prefix(40))])
            return nil
        }
        return parsed
    }

    /// A real calendar date written `YYYY-MM-DD`.
    public mutating func date(_ value: String?, field: String, required: Bool = true) -> CalendarDate? {
        guard let value else { return missing(field, required: required, .requiredDate) }
        guard let date = CalendarDate(value) else {
            add(field, .notADate, ["value": String(value.prefix(40))])
            return nil
        }
        return date
    }

    /// A month written `YYYY-MM`, year 2000…2100.
    public mutating func month(_ value: String?, field: String, required: Bool = true) -> Month? {
        guard let value else { return missing(field, required: required, .requiredMonth) }
        guard let month = Month(value) else {
            add(field, .notAMonth, ["value": String(value.prefix(40))])
            return nil
        }
        return month
    }

    /// Money from an exact `Decimal`.
    public mutating func money(_ value: Decimal?, field: String, required: Bool = true) -> Money? {
        guard let value else { return missing(field, required: required, .requiredMoney) }
        return record(Money.check(value), field: field)
    }

    mutating func record(_ result: Result<Money, Money.Problem>, field: String) -> Money? {
        switch result {
        case .success(let money): return money
        case .failure(let problem): add(field, problem.message); return nil
        }
    }

    /// An integer within `range`.
    public mutating func integer(
        _ value: Int?, field: String, in range: ClosedRange<Int>, required: Bool = true
    ) -> Int? {
        let bounds = ["min": "\(range.lowerBound)", "max": "\(range.upperBound)"]
        guard let value else { return missing(field, required: required, .requiredInteger, bounds) }
        guard range.contains(value) else { add(field, .integerOutOfRange, bounds.merging(["got": "\(value)"]) { $1 }); return nil }
        return value
    }
}
