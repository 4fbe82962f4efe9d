import Campaign
import Hummingbird
import Store

/// `/parks`: industrial parks, their readiness and their infrastructure items.
struct ParkController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.get, "parks", .signedIn, "All parks with their readiness (filter district_id)", list)
                .documented(response: .page(of: .ref("Park")))
                .query(.id("district_id", "only this district's parks")),
            APIRoute(.post, "parks", .countyEditor, "Create a park", create)
                .documented(request: .ref("ParkInput"), response: .ref("Park"), status: 201),
            APIRoute(.get, "parks/:id", .signedIn, "One park with its readiness", show)
                .documented(response: .ref("Park")),
            APIRoute(.patch, "parks/:id", .countyEditor, "Change some fields of a park (If-Match)", update)
                .documented(request: .ref("ParkPatch"), response: .ref("Park")),
            APIRoute(.get, "parks/:id/items", .signedIn, "A park's infrastructure items", items)
                .documented(response: .page(of: .ref("ParkItem"))),
            APIRoute(.put, "parks/:id/items/:item", .editor, "Create or replace (If-Match) an infrastructure item of a park", putItem)
                .documented(request: .ref("ParkItemInput"), response: .ref("ParkItem"), also: [201]),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        var query = Parameters(query: request)
        let districtID = query.id("district_id")
        try query.check()
        return try await ListPage.response(paging, context: context, database: database) {
            try ParkQueries.list(districtID: districtID, limit: paging.limit, offset: paging.offset, on: $0)
        }
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let fields = try ParkBody.create(&body)
        let record = try await database.transaction(as: context.caller) { try ParkQueries.insert(fields, on: $0) }
        return try JSONResponse.make(record, status: .created, version: record.version, location: "/api/v1/parks/\(record.id)")
    }

    static let rows = VersionedRows<ParkRecord>(noun: "park", find: ParkQueries.find(id:on:))

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.show(context, database: database)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.update(request, context: context, database: database) { id, current, body, connection in
            try ParkQueries.update(id: id, version: current.version, to: ParkBody.patch(&body, onto: current.fields), on: connection)
        }
    }

    @Sendable func items(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await ParentRow(noun: "park") { try ParkQueries.find(id: $0, on: $1) != nil }.page(request, context: context, database: database) {
            try ParkQueries.items(parkID: $0, limit: $1.limit, offset: $1.offset, on: $2)
        }
    }

    @Sendable func putItem(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let item: ParkItem = try Parameters.pathChoice("item", in: context)
        let ifMatch = try PutPreconditions.ifMatch(request)
        var body = try await RequestBody.read(request, context: context)
        let fields = try ParkBody.item(&body)
        let result = try await database.transaction(as: context.caller) { connection in
            guard let park = try ParkQueries.find(id: id, on: connection) else { throw Problem.notFound("park \(id)") }
            let standard = park.fields.standard
            guard standard.items.contains(item) else {
                throw Problem.invalid([FieldError(field: "item", .parkItemNotInStandard)])
            }
            return try PutPreconditions.createOrReplace(
                ifMatch: ifMatch, what: "item \(item.rawValue) of park \(id)", version: \ParkItemRecord.version,
                current: { try ParkQueries.item(parkID: id, item: item, on: connection) },
                insert: { try ParkQueries.insertItem(parkID: id, item: item, fields, on: connection) },
                update: { try ParkQueries.updateItem(parkID: id, item: item, version: $0, fields, on: connection) }
            )
        }
        return try PutPreconditions.response(result, location: "/api/v1/parks/\(id)/items/\(item.rawValue)")
    }
}

extension ParkRecord: VersionedRecord {}
extension ParkItemRecord: VersionedRecord {}
