import Hummingbird
import Postgres
import Store

/// A stored row that carries a version, answered with `ETag: "<version>"`.
protocol VersionedRecord: Encodable, Sendable {
    var version: Int { get }
}

/// The reads and If-Match writes that every kind of versioned row shares, by id under the
/// caller's row-level security: the row is named in messages as `<noun> <id>`.
struct VersionedRows<Record: VersionedRecord>: Sendable {
    /// The row in words, for messages (`park`, `land allocation`).
    let noun: String
    /// The row the caller sees, or nil.
    let find: @Sendable (_ id: Int64, _ connection: Connection) throws -> Record?

    /// `GET …/:id`: the row with its ETag; 404 when the caller does not see it.
    func show(_ context: AuthenticatedContext, database: Database) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        guard let record = try await database.transaction(as: context.caller, { try find(id, $0) }) else {
            throw Problem.notFound("\(noun) \(id)")
        }
        return try JSONResponse.make(record, version: record.version)
    }

    /// `PATCH …/:id` with If-Match: 404 when the caller does not see the row, 412 when its version
    /// is not the one sent; else `change` writes the body onto the current row (`UPDATE … WHERE
    /// version = current.version`) and returns the new row, or nil when it changed none (412, 404
    /// or 403 by what is there now).
    func update(
        _ request: Request, context: AuthenticatedContext, database: Database,
        change: @escaping @Sendable (_ id: Int64, _ current: Record, _ body: inout RequestBody, _ connection: Connection) throws -> Record?
    ) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let version = try Preconditions.requiredVersion(request)
        let received = try await RequestBody.read(request, context: context)
        let what = "\(noun) \(id)"
        let record = try await database.transaction(as: context.caller) { connection -> Record in
            var body = received
            guard let current = try find(id, connection) else { throw Problem.notFound(what) }
            guard current.version == version else { throw Preconditions.stale(current: current.version) }
            if let updated = try change(id, current, &body, connection) { return updated }
            throw try Preconditions.unchanged(current: find(id, connection)?.version, expected: version, what: what)
        }
        return try JSONResponse.make(record, version: record.version)
    }

    /// `DELETE …/:id` with If-Match: 204 when `remove` deleted the row of that version (`DELETE …
    /// WHERE version = expected`), else 404, 412 or 403 by what is there now.
    func delete(
        _ request: Request, context: AuthenticatedContext, database: Database,
        remove: @escaping @Sendable (_ id: Int64, _ version: Int, _ connection: Connection) throws -> Bool
    ) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let version = try Preconditions.requiredVersion(request)
        let what = "\(noun) \(id)"
        try await database.transaction(as: context.caller) { connection in
            if try remove(id, version, connection) { return }
            throw try Preconditions.notDeleted(current: find(id, connection)?.version, expected: version, what: what)
        }
        return Response(status: .noContent)
    }
}
