import Hummingbird
import Postgres
import Store

/// A kind of row that belongs to one project (funding sources, approvals, problems) and is kept
/// with the same five routes: list and create under the project, read, change and remove by id.
protocol ProjectChildResource: Sendable {
    associatedtype Queries: ProjectChildQueries where Queries.Record: VersionedRecord
    associatedtype Body: ProjectChildBody where Body.Fields == Queries.Record.Fields

    /// The path segment (`funding`), also under `projects/:id/`.
    static var collection: String { get }
    /// The row in words, for messages (`funding source`).
    static var noun: String { get }
    /// The OpenAPI schema names: `<schema>`, `<schema>Input`, `<schema>Patch`.
    static var schema: String { get }
    /// Route summaries: list, create, show, change, remove.
    static var summaries: (list: String, create: String, show: String, update: String, delete: String) { get }
}

/// Reads the fields of a project's row from a request body.
protocol ProjectChildBody {
    associatedtype Fields
    /// The fields of a new row; throws 422 naming every bad field.
    static func create(_ body: inout RequestBody) throws -> Fields
    /// `current` with the fields the client sent replaced.
    static func patch(_ body: inout RequestBody, onto current: Fields) throws -> Fields
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
        try await ParentRow.project.page(request, context: context, database: database) {
            try Queries.list(projectID: $0, limit: $1.limit, offset: $1.offset, on: $2)
        }
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let projectID = try Parameters.pathID("id", in: context)
        let received = try await RequestBody.read(request, context: context)
        let record = try await database.transaction(as: context.caller) { connection -> Queries.Record in
            var body = received
            try ParentRow.project.require(projectID, on: connection)
            return try Queries.insert(projectID: projectID, Resource.Body.create(&body), on: connection)
        }
        let id = record.id
        return try JSONResponse.make(
            record, status: .created, version: record.version, location: "/api/v1/\(Resource.collection)/\(id)")
    }

    static var rows: VersionedRows<Queries.Record> { VersionedRows(noun: Resource.noun) { try Queries.find(id: $0, on: $1) } }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.show(context, database: database)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.update(request, context: context, database: database) { id, current, body, connection in
            try Queries.update(id: id, version: current.version, to: Resource.Body.patch(&body, onto: current.fields), on: connection)
        }
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.delete(request, context: context, database: database) { try Queries.delete(id: $0, version: $1, on: $2) }
    }
}
