import Campaign
import Hummingbird
import Store

/// `/agencies`: every agency sees the list; county admins create and rename agencies.
struct AgencyController: APIController {
    let database: Database
    /// The whole list fits in one page unless the client asks for less (CONTRACT: "all agencies").
    static let defaultLimit = 500

    var routes: [APIRoute] {
        [
            APIRoute(.get, "agencies", .signedIn, "All agencies (one page of up to 500 by default)", list)
                .documented(response: .page(of: .ref("AgencyRecord"))),
            APIRoute(.post, "agencies", .countyAdmin, "Create an agency", create)
                .documented(request: .ref("AgencyInput"), response: .ref("AgencyRecord"), status: 201),
            APIRoute(.get, "agencies/:id", .signedIn, "One agency", show)
                .documented(response: .ref("AgencyRecord")),
            APIRoute(.patch, "agencies/:id", .countyAdmin, "Change an agency's code, name or division code (If-Match)", update)
                .documented(request: .ref("AgencyPatch"), response: .ref("AgencyRecord")),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var paging = try Paging(request)
        if request.uri.queryParameters["limit"] == nil { paging.limit = Self.defaultLimit }
        let (limit, offset) = (paging.limit, paging.offset)
        let page = try await database.transaction(as: context.caller) { try AgencyQueries.list(limit: limit, offset: offset, on: $0) }
        return try JSONResponse.make(ListPage(items: page.items, total: page.total, paging: paging))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let fields = try AgencyBody.create(&body)
        let record = try await database.transaction(as: context.caller) {
            try AgencyQueries.insert(code: fields.code, name: fields.name, kind: fields.kind, divisionCode: fields.divisionCode, on: $0)
        }
        return try JSONResponse.make(record, status: .created, version: record.version, location: "/api/v1/agencies/\(record.summary.id)")
    }

    static let rows = VersionedRows<AgencyRecord>(noun: "agency", find: AgencyQueries.find(id:on:))

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.show(context, database: database)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.update(request, context: context, database: database) { id, current, body, connection in
            let fields = try AgencyBody.patch(&body, onto: current)
            return try AgencyQueries.update(
                id: id, version: current.version, code: fields.code, name: fields.name, divisionCode: fields.divisionCode, on: connection)
        }
    }
}

extension AgencyRecord: VersionedRecord {}
