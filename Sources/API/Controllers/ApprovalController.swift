import Campaign
import Hummingbird
import Store

/// `/projects/{id}/approvals` and `/approvals/{id}`: a project's approval procedures (审批手续),
/// written by the handling department and the county; responses carry the processing days.
struct ApprovalController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.get, "projects/:id/approvals", .signedIn, "The project's approvals with processing days", list)
                .documented(response: .page(of: .ref("Approval"))),
            APIRoute(.post, "projects/:id/approvals", .editor, "Record an approval procedure of the project", create)
                .documented(request: .ref("ApprovalInput"), response: .ref("Approval"), status: 201),
            APIRoute(.get, "approvals/:id", .signedIn, "One approval with its processing days", show)
                .documented(response: .ref("Approval")),
            APIRoute(.patch, "approvals/:id", .editor, "Change an approval (If-Match)", update)
                .documented(request: .ref("ApprovalPatch"), response: .ref("Approval")),
            APIRoute(.delete, "approvals/:id", .editor, "Remove an approval (If-Match)", delete)
                .documented(response: nil, status: 204),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let projectID = try Preconditions.pathID("id", in: context)
        let paging = try Paging(request)
        let page = try await database.transaction(as: context.caller) { connection in
            guard try ProjectQueries.isVisible(id: projectID, on: connection) else { throw Problem.notFound("project \(projectID)") }
            return try ApprovalQueries.list(projectID: projectID, limit: paging.limit, offset: paging.offset, on: connection)
        }
        return try JSONResponse.make(ListPage(items: page.items, total: page.total, paging: paging))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let projectID = try Preconditions.pathID("id", in: context)
        let received = try await RequestBody.read(request, context: context)
        let record = try await database.transaction(as: context.caller) { connection -> ApprovalRecord in
            var body = received
            guard try ProjectQueries.isVisible(id: projectID, on: connection) else { throw Problem.notFound("project \(projectID)") }
            return try ApprovalQueries.insert(projectID: projectID, ApprovalBody.create(&body), on: connection)
        }
        return try JSONResponse.make(record, status: .created, version: record.version, location: "/api/v1/approvals/\(record.id)")
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        guard let record = try await database.transaction(as: context.caller, { try ApprovalQueries.find(id: id, on: $0) }) else {
            throw Problem.notFound("approval \(id)")
        }
        return try JSONResponse.make(record, version: record.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        let version = try Preconditions.requiredVersion(request)
        let received = try await RequestBody.read(request, context: context)
        let record = try await database.transaction(as: context.caller) { connection -> ApprovalRecord in
            var body = received
            guard let current = try ApprovalQueries.find(id: id, on: connection) else { throw Problem.notFound("approval \(id)") }
            guard current.version == version else { throw Preconditions.stale(current: current.version) }
            let fields = try ApprovalBody.patch(&body, onto: current.fields)
            if let updated = try ApprovalQueries.update(id: id, version: version, to: fields, on: connection) { return updated }
            throw try Preconditions.unchanged(current: ApprovalQueries.find(id: id, on: connection)?.version, expected: version, what: "approval \(id)")
        }
        return try JSONResponse.make(record, version: record.version)
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        let version = try Preconditions.requiredVersion(request)
        try await database.transaction(as: context.caller) { connection in
            guard let current = try ApprovalQueries.find(id: id, on: connection) else { throw Problem.notFound("approval \(id)") }
            guard current.version == version else { throw Preconditions.stale(current: current.version) }
            if try ApprovalQueries.delete(id: id, version: version, on: connection) { return }
            throw try Preconditions.notDeleted(current: ApprovalQueries.find(id: id, on: connection)?.version, expected: version, what: "approval \(id)")
        }
        return Response(status: .noContent)
    }
}
