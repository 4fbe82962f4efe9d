import Campaign
import Hummingbird

/// The request's path or query parameters, read by one set of rules (`Validator`'s, shared with
/// request bodies): a value that cannot be read adds a field error naming the parameter and what
/// to send, and `check()` answers 422 with every error found.
struct Parameters {
    private let lookup: (String) -> String?
    /// The field errors found so far.
    var validator = Validator()

    /// The parameters of the route's path (`:id`, `:month`, …).
    init(path context: some RequestContext) {
        let parameters = context.parameters
        lookup = { parameters.get($0) }
    }

    /// The parameters of the query string.
    init(query request: Request) {
        let parameters = request.uri.queryParameters
        lookup = { parameters[Substring($0)].map(String.init) }
    }

    /// 422 with every field error found, if any.
    func check() throws {
        if !validator.isValid { throw Problem.invalid(validator.errors) }
    }

    /// The raw text of `name`, if sent.
    func text(_ name: String) -> String? { lookup(name) }

    /// An id: an integer above zero.
    mutating func id(_ name: String, required: Bool = false) -> Int64? {
        validator.id(lookup(name), field: name, required: required)
    }

    /// A whole number within `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = lookup(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            validator.add(name, .integerOutOfRange, ["min": "\(range.lowerBound)", "max": "\(range.upperBound)", "got": String(text.prefix(20))])
            return nil
        }
        return number
    }

    /// A year from 2000 to 2100.
    mutating func year(_ name: String = "year", required: Bool = false) -> Int? {
        validator.year(lookup(name), field: name, required: required)
    }

    /// A month written `YYYY-MM`.
    mutating func month(_ name: String = "month", required: Bool = false) -> Month? {
        validator.month(lookup(name), field: name, required: required)
    }

    /// A day written `YYYY-MM-DD`.
    mutating func date(_ name: String, required: Bool = false) -> CalendarDate? {
        validator.date(lookup(name), field: name, required: required)
    }

    /// `true` or `false`.
    mutating func bool(_ name: String) -> Bool? {
        validator.boolean(lookup(name), field: name)
    }

    /// One of an enumeration's codes.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ name: String, as type: E.Type = E.self, required: Bool = false) -> E?
    where E.RawValue == String {
        validator.choice(lookup(name), field: name, required: required)
    }

    /// Free text, trimmed, at most `maxLength` characters.
    mutating func text(_ name: String, maxLength: Int) -> String? {
        validator.string(lookup(name), field: name, maxLength: maxLength, required: false)
    }
}
