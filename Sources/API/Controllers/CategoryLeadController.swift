import Campaign
import Hummingbird
import Store

/// `/category-leads`: the department that leads a category's new projects by default.
struct CategoryLeadController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.get, "category-leads", .signedIn, "Each category's default lead department", list)
                .documented(response: .page(of: .ref("CategoryLead"))),
            APIRoute(.put, "category-leads/:category", .countyEditor, "Set (201) or replace (If-Match) a category's lead department", put)
                .documented(request: .ref("CategoryLeadInput"), response: .ref("CategoryLead"), also: [201]),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        return try await ListPage.response(paging, context: context, database: database) {
            try CategoryLeadQueries.list(limit: paging.limit, offset: paging.offset, on: $0)
        }
    }

    @Sendable func put(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let category: ProjectCategory = try Parameters.pathChoice("category", in: context)
        let ifMatch = try PutPreconditions.ifMatch(request)
        var body = try await RequestBody.read(request, context: context)
        let departmentID = body.id("department_id")
        try body.finish()
        guard let departmentID else { throw Problem.invalid(body.validator.errors) }
        let result = try await database.transaction(as: context.caller) { connection in
            try PutPreconditions.createOrReplace(
                ifMatch: ifMatch, what: "lead department of \(category.rawValue)", version: \CategoryLeadRecord.version,
                current: { try CategoryLeadQueries.find(category, on: connection) },
                insert: { try CategoryLeadQueries.insert(category, departmentID: departmentID, on: connection) },
                update: { try CategoryLeadQueries.update(category, version: $0, departmentID: departmentID, on: connection) }
            )
        }
        return try PutPreconditions.response(result, location: "/api/v1/category-leads/\(category.rawValue)")
    }
}

extension CategoryLeadRecord: VersionedRecord {}
