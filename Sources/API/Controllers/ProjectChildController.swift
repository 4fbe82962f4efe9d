import Hummingbird
import Postgres
import Store

/// A kind of row that belongs to one project (funding sources, approvals, problems) and is kept
/// with the same five routes: list and create under the project, read, change and remove by id.
protocol ProjectChildResource: Sendable {
    associatedtype Fields: Sendable
    associatedtype Record: Encodable & Sendable

    /// The path segment (`funding`), also under `projects/:id/`.
    static var collection: String { get }
    /// The row in words, for messages (`funding source`).
    static var noun: String { get }
    /// The OpenAPI schema names: `<schema>`, `<schema>Input`, `<schema>Patch`.
    static var schema: String { get }
    /// Route summaries: list, create, show, change, remove.
    static var summaries: (list: String, create: String, show: String, update: String, delete: String) { get }

    static func id(of record: Record) -> Int64
    static func version(of record: Record) -> Int
    static func fields(of record: Record) -> Fields

    static func list(projectID: Int64, limit: Int, offset: Int, on connection: Connection) throws -> (items: [Record], total: Int)
    static func find(id: Int64, on connection: Connection) throws -> Record?
    static func insert(projectID: Int64, _ fields: Fields, on connection: Connection) throws -> Record
    static func update(id: Int64, version: Int, to fields: Fields, on connection: Connection) throws -> Record?
    static func delete(id: Int64, version: Int?, on connection: Connection) throws -> Bool

    /// The fields of a new row from a request body; throws 422 naming every bad field.
    static func create(_ body: inout RequestBody) throws -> Fields
    /// `current` with the fields the client sent replaced.
    static func patch(_ body: inout RequestBody, onto current: Fields) throws -> Fields
}

/// The five routes of a `ProjectChildResource`, each in one transaction as the caller.
struct ProjectChildController<Resource: ProjectChildResource>: APIController {
    let database: Database

    var routes: [APIRoute] {
        let (one, many, schema) = (Resource.collection + "/:id", "projects/:id/" + Resource.collection, Resource.schema)
        return [
            APIRoute(.get, many, .signedIn, Resource.summaries.list, list)
                .documented(response: .page(of: .ref(schema))),
            APIRoute(.post, many, .editor, Resource.summaries.create, create)
                .documented(request: .ref(schema + "Input"), response: .ref(schema), status: 201),
            APIRoute(.get, one, .signedIn, Resource.summaries.show, show)
                .documented(response: .ref(schema)),
            APIRoute(.patch, one, .editor, Resource.summaries.update, update)
                .documented(request: .ref(schema + "Patch"), response: .ref(schema)),
            APIRoute(.delete, one, .editor, Resource.summaries.delete, delete)
                .documented(response: nil, status: 204),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let projectID = try Preconditions.pathID("id", in: context)
        let paging = try Paging(request)
        let page = try await database.transaction(as: context.caller) { connection in
            guard try ProjectQueries.isVisible(id: projectID, on: connection) else { throw Problem.notFound("project \(projectID)") }
            return try Resource.list(projectID: projectID, limit: paging.limit, offset: paging.offset, on: connection)
        }
        return try JSONResponse.make(ListPage(items: page.items, total: page.total, paging: paging))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let projectID = try Preconditions.pathID("id", in: context)
        let received = try await RequestBody.read(request, context: context)
        let record = try await database.transaction(as: context.caller) { connection -> Resource.Record in
            var body = received
            guard try ProjectQueries.isVisible(id: projectID, on: connection) else { throw Problem.notFound("project \(projectID)") }
            return try Resource.insert(projectID: projectID, Resource.create(&body), on: connection)
        }
        let id = Resource.id(of: record)
        return try JSONResponse.make(
            record, status: .created, version: Resource.version(of: record), location: "/api/v1/\(Resource.collection)/\(id)")
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        guard let record = try await database.transaction(as: context.caller, { try Resource.find(id: id, on: $0) }) else {
            throw Problem.notFound("\(Resource.noun) \(id)")
        }
        return try JSONResponse.make(record, version: Resource.version(of: record))
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        let version = try Preconditions.requiredVersion(request)
        let received = try await RequestBody.read(request, context: context)
        let what = "\(Resource.noun) \(id)"
        let record = try await database.transaction(as: context.caller) { connection -> Resource.Record in
            var body = received
            guard let current = try Resource.find(id: id, on: connection) else { throw Problem.notFound(what) }
            guard Resource.version(of: current) == version else { throw Preconditions.stale(current: Resource.version(of: current)) }
            let fields = try Resource.patch(&body, onto: Resource.fields(of: current))
            if let updated = try Resource.update(id: id, version: version, to: fields, on: connection) { return updated }
            throw try Preconditions.unchanged(
                current: Resource.find(id: id, on: connection).map(Resource.version), expected: version, what: what)
        }
        return try JSONResponse.make(record, version: Resource.version(of: record))
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        let version = try Preconditions.requiredVersion(request)
        let what = "\(Resource.noun) \(id)"
        try await database.transaction(as: context.caller) { connection in
            guard let current = try Resource.find(id: id, on: connection) else { throw Problem.notFound(what) }
            guard Resource.version(of: current) == version else { throw Preconditions.stale(current: Resource.version(of: current)) }
            if try Resource.delete(id: id, version: version, on: connection) { return }
            throw try Preconditions.notDeleted(
                current: Resource.find(id: id, on: connection).map(Resource.version), expected: version, what: what)
        }
        return Response(status: .noContent)
    }
}
