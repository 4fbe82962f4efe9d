import Campaign
import Hummingbird
import Store

/// `/projects/{id}/problems` and `/problems/{id}`: difficulties a project meets (困难和问题),
/// raised by the project's district, worked by the assigned department, and by the county.
struct ProblemController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.get, "projects/:id/problems", .signedIn, "The project's problems", list)
                .documented(response: .page(of: .ref("ProjectProblem"))),
            APIRoute(.post, "projects/:id/problems", .editor, "Report a problem of the project", create)
                .documented(request: .ref("ProjectProblemInput"), response: .ref("ProjectProblem"), status: 201),
            APIRoute(.get, "problems/:id", .signedIn, "One problem", show)
                .documented(response: .ref("ProjectProblem")),
            APIRoute(.patch, "problems/:id", .editor, "Change a problem (If-Match)", update)
                .documented(request: .ref("ProjectProblemPatch"), response: .ref("ProjectProblem")),
            APIRoute(.delete, "problems/:id", .editor, "Remove a problem (If-Match)", delete)
                .documented(response: nil, status: 204),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let projectID = try Preconditions.pathID("id", in: context)
        let paging = try Paging(request)
        let page = try await database.transaction(as: context.caller) { connection in
            guard try ProjectQueries.isVisible(id: projectID, on: connection) else { throw Problem.notFound("project \(projectID)") }
            return try ProblemQueries.list(projectID: projectID, limit: paging.limit, offset: paging.offset, on: connection)
        }
        return try JSONResponse.make(ListPage(items: page.items, total: page.total, paging: paging))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let projectID = try Preconditions.pathID("id", in: context)
        let received = try await RequestBody.read(request, context: context)
        let record = try await database.transaction(as: context.caller) { connection -> ProblemRecord in
            var body = received
            guard try ProjectQueries.isVisible(id: projectID, on: connection) else { throw Problem.notFound("project \(projectID)") }
            return try ProblemQueries.insert(projectID: projectID, ProjectProblemBody.create(&body), on: connection)
        }
        return try JSONResponse.make(record, status: .created, version: record.version, location: "/api/v1/problems/\(record.id)")
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        guard let record = try await database.transaction(as: context.caller, { try ProblemQueries.find(id: id, on: $0) }) else {
            throw Problem.notFound("problem \(id)")
        }
        return try JSONResponse.make(record, version: record.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        let version = try Preconditions.requiredVersion(request)
        let received = try await RequestBody.read(request, context: context)
        let record = try await database.transaction(as: context.caller) { connection -> ProblemRecord in
            var body = received
            guard let current = try ProblemQueries.find(id: id, on: connection) else { throw Problem.notFound("problem \(id)") }
            guard current.version == version else { throw Preconditions.stale(current: current.version) }
            let fields = try ProjectProblemBody.patch(&body, onto: current.fields)
            if let updated = try ProblemQueries.update(id: id, version: version, to: fields, on: connection) { return updated }
            throw try Preconditions.unchanged(current: ProblemQueries.find(id: id, on: connection)?.version, expected: version, what: "problem \(id)")
        }
        return try JSONResponse.make(record, version: record.version)
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        let version = try Preconditions.requiredVersion(request)
        try await database.transaction(as: context.caller) { connection in
            guard let current = try ProblemQueries.find(id: id, on: connection) else { throw Problem.notFound("problem \(id)") }
            guard current.version == version else { throw Preconditions.stale(current: current.version) }
            if try ProblemQueries.delete(id: id, version: version, on: connection) { return }
            throw try Preconditions.notDeleted(current: ProblemQueries.find(id: id, on: connection)?.version, expected: version, what: "problem \(id)")
        }
        return Response(status: .noContent)
    }
}
