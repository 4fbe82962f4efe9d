import Campaign
import Hummingbird
import Store

/// `/financing-platforms`: the county's financing platforms (投融资平台), named by funding sources.
struct FinancingPlatformController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.get, "financing-platforms", .signedIn, "The county's financing platforms", list)
                .documented(response: .page(of: .ref("FinancingPlatform"))),
            APIRoute(.post, "financing-platforms", .countyEditor, "Add a financing platform", create)
                .documented(request: .ref("FinancingPlatformInput"), response: .ref("FinancingPlatform"), status: 201),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        return try await ListPage.response(paging, context: context, database: database) {
            try FinancingPlatformQueries.list(limit: paging.limit, offset: paging.offset, on: $0)
        }
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let name = body.string("name", maxLength: 200)
        let note = body.present("note") ? body.string("note", maxLength: 2000, required: false, nullable: true) : nil
        try body.finish()
        guard let name else { throw Problem.invalid(body.validator.errors) }
        let record = try await database.transaction(as: context.caller) { try FinancingPlatformQueries.insert(name: name, note: note, on: $0) }
        return try JSONResponse.make(record, status: .created, version: record.version)
    }
}
