import Hummingbird
import Postgres
import Store

/// A kind of row that belongs to one project (funding sources, approvals, problems) and is kept
/// with the same five routes: list and create under the project, read, change and remove by id.
protocol ProjectChildResource: Sendable {
    associatedtype Queries: ProjectChildQueries

    /// The path segment (`funding`), also under `projects/:id/`.
    static var collection: String { get }
    /// The row in words, for messages (`funding source`).
    static var noun: String { get }
    /// The OpenAPI schema names: `<schema>`, `<schema>Input`, `<schema>Patch`.
    static var schema: String { get }
    /// Route summaries: list, create, show, change, remove.
    static var summaries: (list: String, create: String, show: String, update: String, delete: String) { get }

    /// The fields of a new row from a request body; throws 422 naming every bad field.
    static func create(_ body: inout RequestBody) throws -> Queries.Record.Fields
    /// `current` with the fields the client sent replaced.
    static func patch(_ body: inout RequestBody, onto current: Queries.Record.Fields) throws -> Queries.Record.Fields
}

/// The five routes of a `ProjectChildResource`, each in one transaction as the caller.
struct ProjectChildController<Resource: ProjectChildResource>: APIController {
    typealias Queries = Resource.Queries
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
        let projectID = try Parameters.pathID("id", in: context)
        let paging = try Paging(request)
        let page = try await database.transaction(as: context.caller) { connection in
            guard try ProjectQueries.isVisible(id: projectID, on: connection) else { throw Problem.notFound("project \(projectID)") }
            return try Queries.list(projectID: projectID, limit: paging.limit, offset: paging.offset, on: connection)
        }
        return try JSONResponse.make(ListPage(items: page.items, total: page.total, paging: paging))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let projectID = try Parameters.pathID("id", in: context)
        let received = try await RequestBody.read(request, context: context)
        let record = try await database.transaction(as: context.caller) { connection -> Queries.Record in
            var body = received
            guard try ProjectQueries.isVisible(id: projectID, on: connection) else { throw Problem.notFound("project \(projectID)") }
            return try Queries.insert(projectID: projectID, Resource.create(&body), on: connection)
        }
        let id = record.id
        return try JSONResponse.make(
            record, status: .created, version: record.version, location: "/api/v1/\(Resource.collection)/\(id)")
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        guard let record = try await database.transaction(as: context.caller, { try Queries.find(id: id, on: $0) }) else {
            throw Problem.notFound("\(Resource.noun) \(id)")
        }
        return try JSONResponse.make(record, version: record.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let version = try Preconditions.requiredVersion(request)
        let received = try await RequestBody.read(request, context: context)
        let what = "\(Resource.noun) \(id)"
        let record = try await database.transaction(as: context.caller) { connection -> Queries.Record in
            var body = received
            guard let current = try Queries.find(id: id, on: connection) else { throw Problem.notFound(what) }
            guard current.version == version else { throw Preconditions.stale(current: current.version) }
            let fields = try Resource.patch(&body, onto: current.fields)
            if let updated = try Queries.update(id: id, version: version, to: fields, on: connection) { return updated }
            throw try Preconditions.unchanged(
                current: Queries.find(id: id, on: connection).map(\.version), expected: version, what: what)
        }
        return try JSONResponse.make(record, version: record.version)
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let version = try Preconditions.requiredVersion(request)
        let what = "\(Resource.noun) \(id)"
        try await database.transaction(as: context.caller) { connection in
            guard let current = try Queries.find(id: id, on: connection) else { throw Problem.notFound(what) }
            guard current.version == version else { throw Preconditions.stale(current: current.version) }
            if try Queries.delete(id: id, version: version, on: connection) { return }
            throw try Preconditions.notDeleted(
                current: Queries.find(id: id, on: connection).map(\.version), expected: version, what: what)
        }
        return Response(status: .noContent)
    }
}
