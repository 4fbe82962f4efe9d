import Campaign
import Hummingbird
import Store

/// `/projects/{id}/funding` and `/funding/{id}`: a project's funding sources (资金来源), written
/// by the project's district and the county.
struct FundingController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.get, "projects/:id/funding", .signedIn, "The project's funding sources", list)
                .documented(response: .page(of: .ref("Funding"))),
            APIRoute(.post, "projects/:id/funding", .editor, "Add a funding source to the project", create)
                .documented(request: .ref("FundingInput"), response: .ref("Funding"), status: 201),
            APIRoute(.get, "funding/:id", .signedIn, "One funding source", show)
                .documented(response: .ref("Funding")),
            APIRoute(.patch, "funding/:id", .editor, "Change a funding source (If-Match)", update)
                .documented(request: .ref("FundingPatch"), response: .ref("Funding")),
            APIRoute(.delete, "funding/:id", .editor, "Remove a funding source (If-Match)", delete)
                .documented(response: nil, status: 204),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let projectID = try Preconditions.pathID("id", in: context)
        let paging = try Paging(request)
        let page = try await database.transaction(as: context.caller) { connection in
            guard try ProjectQueries.isVisible(id: projectID, on: connection) else { throw Problem.notFound("project \(projectID)") }
            return try FundingQueries.list(projectID: projectID, limit: paging.limit, offset: paging.offset, on: connection)
        }
        return try JSONResponse.make(ListPage(items: page.items, total: page.total, paging: paging))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let projectID = try Preconditions.pathID("id", in: context)
        let received = try await RequestBody.read(request, context: context)
        let record = try await database.transaction(as: context.caller) { connection -> FundingRecord in
            var body = received
            guard try ProjectQueries.isVisible(id: projectID, on: connection) else { throw Problem.notFound("project \(projectID)") }
            return try FundingQueries.insert(projectID: projectID, FundingBody.create(&body), on: connection)
        }
        return try JSONResponse.make(record, status: .created, version: record.version, location: "/api/v1/funding/\(record.id)")
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        guard let record = try await database.transaction(as: context.caller, { try FundingQueries.find(id: id, on: $0) }) else {
            throw Problem.notFound("funding source \(id)")
        }
        return try JSONResponse.make(record, version: record.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        let version = try Preconditions.requiredVersion(request)
        let received = try await RequestBody.read(request, context: context)
        let record = try await database.transaction(as: context.caller) { connection -> FundingRecord in
            var body = received
            guard let current = try FundingQueries.find(id: id, on: connection) else { throw Problem.notFound("funding source \(id)") }
            guard current.version == version else { throw Preconditions.stale(current: current.version) }
            let fields = try FundingBody.patch(&body, onto: current.fields)
            if let updated = try FundingQueries.update(id: id, version: version, to: fields, on: connection) { return updated }
            throw try Preconditions.unchanged(current: FundingQueries.find(id: id, on: connection)?.version, expected: version, what: "funding source \(id)")
        }
        return try JSONResponse.make(record, version: record.version)
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        let version = try Preconditions.requiredVersion(request)
        try await database.transaction(as: context.caller) { connection in
            guard let current = try FundingQueries.find(id: id, on: connection) else { throw Problem.notFound("funding source \(id)") }
            guard current.version == version else { throw Preconditions.stale(current: current.version) }
            if try FundingQueries.delete(id: id, version: version, on: connection) { return }
            throw try Preconditions.notDeleted(current: FundingQueries.find(id: id, on: connection)?.version, expected: version, what: "funding source \(id)")
        }
        return Response(status: .noContent)
    }
}
