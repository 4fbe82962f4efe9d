import Campaign
import Hummingbird
import Store

/// `/attraction/teams`: investment-attraction teams, each led by a department.
struct AttractionTeamController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.post, "attraction/teams", .countyEditor, "Create an investment-attraction team", create)
                .documented(request: .ref("TeamInput"), response: .ref("Team"), status: 201),
            APIRoute(.get, "attraction/teams", .signedIn, "Visible teams (county: all; a department: those it leads)", list)
                .documented(response: .page(of: .ref("Team"))),
            APIRoute(.get, "attraction/teams/:id", .signedIn, "One team", show)
                .documented(response: .ref("Team")),
            APIRoute(.patch, "attraction/teams/:id", .countyEditor, "Rename a team or change its lead department (If-Match)", update)
                .documented(request: .ref("TeamPatch"), response: .ref("Team")),
        ]
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let fields = try AttractionBody.team(&body)
        let record = try await database.transaction(as: context.caller) {
            try AttractionQueries.insertTeam(name: fields.name, leadDepartmentID: fields.leadDepartmentID, on: $0)
        }
        return try JSONResponse.make(record, status: .created, version: record.version, location: "/api/v1/attraction/teams/\(record.id)")
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        return try await ListPage.response(paging, context: context, database: database) {
            try AttractionQueries.teams(limit: paging.limit, offset: paging.offset, on: $0)
        }
    }

    static let rows = VersionedRows<TeamRecord>(noun: "team", find: AttractionQueries.team(id:on:))

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.show(context, database: database)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.update(request, context: context, database: database) { id, current, body, connection in
            let fields = try AttractionBody.team(&body, onto: (current.name, current.leadDepartmentID))
            return try AttractionQueries.updateTeam(
                id: id, version: current.version, name: fields.name, leadDepartmentID: fields.leadDepartmentID, on: connection)
        }
    }
}

extension TeamRecord: VersionedRecord {}
