import Hummingbird

/// `PUT` of a resource the client names by path: it creates (201, no `If-Match`) or replaces
/// (200, `If-Match` required), and never loses a concurrent write.
enum PutPreconditions {
    /// The `If-Match` version when the client sent one (`Preconditions.requiredVersion`).
    static func ifMatch(_ request: Request) throws -> Int? {
        request.headers[.ifMatch] == nil ? nil : try Preconditions.requiredVersion(request)
    }

    /// Creates or replaces inside one transaction.
    ///
    /// `current` reads the resource under row-level security; `insert` returns nil when a
    /// concurrent transaction created it first; `update` returns nil when no row changed.
    static func createOrReplace<Record>(
        ifMatch: Int?, what: String, version: (Record) -> Int, current: () throws -> Record?,
        insert: () throws -> Record?, update: (Int) throws -> Record?
    ) throws -> (record: Record, created: Bool) {
        if let existing = try current() {
            guard let expected = ifMatch else { throw Preconditions.required(current: version(existing), what: what) }
            guard version(existing) == expected else { throw Preconditions.stale(current: version(existing)) }
            if let updated = try update(expected) { return (updated, false) }
            throw Preconditions.unchanged(current: try current().map(version), expected: expected, what: what)
        }
        if ifMatch != nil {
            throw Problem(.preconditionFailed, .notCreatedYet, ["what": what])
        }
        if let created = try insert() { return (created, true) }
        throw Preconditions.required(current: try current().map(version), what: what)
    }
}
