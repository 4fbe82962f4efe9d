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
        try createOrReplace(ifMatch: ifMatch, what: what, version: version, existing: current(), current: current,
                            insert: insert, update: update)
    }

    /// As above, with the resource as the transaction first read it (`existing`, nil when there
    /// was none), read together with what the request also needed; `current` reads it again
    /// only to explain a write that lost a race. `update` runs only once `If-Match` matched.
    static func createOrReplace<Record>(
        ifMatch: Int?, what: String, version: (Record) -> Int, existing: Record?, current: () throws -> Record?,
        insert: () throws -> Record?, update: (Int) throws -> Record?
    ) throws -> (record: Record, created: Bool) {
        if let existing {
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

    /// The answer to the PUT: 201 with `Location: location` when it created the resource, else
    /// 200; with the resource's `ETag` either way.
    static func response<Record: VersionedRecord>(_ result: (record: Record, created: Bool), location: String) throws -> Response {
        try JSONResponse.make(result.record, status: result.created ? .created : .ok, version: result.record.version,
                              location: result.created ? location : nil)
    }
}
