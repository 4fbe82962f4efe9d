import Campaign
import Hummingbird

/// A path's parameters, one at a time: the route matched, so each is there; one that cannot be
/// read is answered 422 naming it (invalid input, as CONTRACT.md says).
extension Parameters {
    /// The numeric id `name` (`:id`, `:item`, …).
    static func pathID(_ name: String, in context: some RequestContext) throws -> Int64 {
        try path(context) { $0.id(name, required: true) }
    }

    /// The month `name` as `YYYY-MM`.
    static func pathMonth(_ name: String, in context: some RequestContext) throws -> Month {
        try path(context) { $0.month(name, required: true) }
    }

    /// The year `name`, 2000 to 2100.
    static func pathYear(_ name: String = "year", in context: some RequestContext) throws -> Int {
        try path(context) { $0.year(name, required: true) }
    }

    /// One of an enumeration's codes.
    static func pathChoice<E: RawRepresentable & CaseIterable>(
        _ name: String, as type: E.Type = E.self, in context: some RequestContext
    ) throws -> E where E.RawValue == String {
        try path(context) { $0.choice(name, as: type, required: true) }
    }

    private static func path<T>(_ context: some RequestContext, _ read: (inout Parameters) -> T?) throws -> T {
        var parameters = Parameters(path: context)
        guard let value = read(&parameters) else { throw Problem.invalid(parameters.validator.errors) }
        return value
    }
}
