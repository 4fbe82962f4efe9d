import Campaign
import Hummingbird
import Postgres
import Store

/// `/attraction/deals`: deals signed by attraction teams and the funds received for them.
struct AttractionDealController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.post, "attraction/deals", .editor, "Record a deal (county; the department leading the team)", create)
                .documented(request: .ref("DealInput"), response: .ref("Deal"), status: 201),
            APIRoute(.get, "attraction/deals", .signedIn, "Visible deals with funds in place (filters team_id, district_id)", list)
                .documented(response: .page(of: .ref("Deal"))).downloadable()
                .query(.id("team_id", "only this team's deals"), .id("district_id", "only deals landing in this district")),
            APIRoute(.get, "attraction/deals/:id", .signedIn, "One deal with its funds in place", show)
                .documented(response: .ref("Deal")),
            APIRoute(.patch, "attraction/deals/:id", .editor, "Change some fields of a deal (If-Match)", update)
                .documented(request: .ref("DealPatch"), response: .ref("Deal")),
            APIRoute(.post, "attraction/deals/:id/receipts", .editor, "Record funds received for a deal", createReceipt)
                .documented(request: .ref("ReceiptInput"), response: .ref("Receipt"), status: 201),
            APIRoute(.get, "attraction/deals/:id/receipts", .signedIn, "A deal's receipts by date", receipts)
                .documented(response: .page(of: .ref("Receipt"))),
        ]
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let fields = try AttractionBody.createDeal(&body)
        let record = try await database.transaction(as: context.caller) { connection in
            try Self.checkProject(fields.projectID, on: connection)
            return try AttractionQueries.insertDeal(fields, on: connection)
        }
        return try JSONResponse.make(record, status: .created, version: record.version, location: "/api/v1/attraction/deals/\(record.id)")
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var query = Parameters(query: request)
        let teamID = query.id("team_id")
        let districtID = query.id("district_id")
        try query.check()
        // Paging is checked even for a download, which sends the whole list: a bad limit is 422 either way.
        let paging = try Paging(request)
        if let format = try DownloadRequest.format(request) {
            return try await DownloadResponse.make(.deals(teamID: teamID, districtID: districtID), format: format, database: database, context: context)
        }
        return try await ListPage.response(paging, context: context, database: database) {
            try AttractionQueries.deals(teamID: teamID, districtID: districtID, limit: paging.limit, offset: paging.offset, on: $0)
        }
    }

    static let rows = VersionedRows<DealRecord>(noun: "deal", find: AttractionQueries.deal(id:on:))

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.show(context, database: database)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.update(request, context: context, database: database) { id, current, body, connection in
            let fields = try AttractionBody.patchDeal(&body, onto: current.fields)
            if fields.projectID != current.fields.projectID { try Self.checkProject(fields.projectID, on: connection) }
            return try AttractionQueries.updateDeal(id: id, version: current.version, to: fields, on: connection)
        }
    }

    @Sendable func createReceipt(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        var body = try await RequestBody.read(request, context: context)
        let fields = try AttractionBody.receipt(&body)
        let record = try await database.transaction(as: context.caller) { connection in
            try Self.parent.require(id, on: connection)
            return try AttractionQueries.insertReceipt(dealID: id, receivedOn: fields.receivedOn, amount: fields.amount, on: connection)
        }
        return try JSONResponse.make(record, status: .created, version: record.version)
    }

    /// A deal, as the parent of its receipts.
    static let parent = ParentRow(noun: "deal") { try AttractionQueries.deal(id: $0, on: $1) != nil }

    @Sendable func receipts(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.parent.page(request, context: context, database: database) {
            try AttractionQueries.receipts(dealID: $0, limit: $1.limit, offset: $1.offset, on: $2)
        }
    }

    /// A deal may name only a project the caller can see.
    static func checkProject(_ projectID: Int64?, on connection: Connection) throws {
        guard let projectID, try !AttractionQueries.projectIsVisible(projectID, on: connection) else { return }
        throw Problem.invalid([FieldError(field: "project_id", .notVisibleProject)])
    }
}

extension DealRecord: VersionedRecord {}
