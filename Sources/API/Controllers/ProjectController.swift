import Campaign
import Hummingbird
import Store

/// `/projects`: the register of investment projects.
struct ProjectController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.get, "projects", .signedIn, "Visible projects, filtered and paged", list)
                .documented(response: .page(of: .ref("Project"))).downloadable()
                .query(QueryParameter.projectFilters),
            APIRoute(.post, "projects", .editor, "Create a project in the caller's district (county: any)", create)
                .documented(request: .ref("ProjectInput"), response: .ref("Project"), status: 201),
            APIRoute(.get, "projects/:id", .signedIn, "One project with its year-to-date investment", show)
                .documented(response: .ref("Project")),
            APIRoute(.patch, "projects/:id", .editor, "Change some fields of a project (If-Match)", update)
                .documented(request: .ref("ProjectPatch"), response: .ref("Project")),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let filter = try Self.filter(request)
        // Paging is checked even for a download, which sends the whole list: a bad limit is 422 either way.
        let paging = try Paging(request)
        if let format = try DownloadRequest.format(request) {
            return try await DownloadResponse.make(.projects(filter), format: format, database: database, context: context)
        }
        // As `ListPage.response`, but the page is written while the rows are held, straight from
        // libpq's text (`RecordRows`).
        let json = try await database.read(as: context.caller) { connection in
            let page = try ProjectQueries.list(filter, limit: paging.limit, offset: paging.offset, last: true, on: connection)
            let items = try RecordRows(page.rows, as: ProjectRecord.self)
            return try JSONStreamEncoder.encode(ListPage(items: items, total: page.total, paging: paging))
        }
        return JSONResponse.make(encoded: json)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let fields = try ProjectBody.create(&body)
        let record = try await database.transaction(as: context.caller) { try ProjectQueries.insert(fields, on: $0) }
        return try JSONResponse.make(record, status: .created, version: record.version, location: "/api/v1/projects/\(record.id)")
    }

    static let rows = VersionedRows<ProjectRecord>(noun: "project", find: ProjectQueries.find(id:on:))

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.show(context, database: database)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let isCounty = context.caller.agencyKind == .county
        return try await Self.rows.update(request, context: context, database: database) { id, current, body, connection in
            let fields = try ProjectBody.patch(&body, onto: current.fields)
            if let problem = Stage.transitionProblem(from: current.fields.stage, to: fields.stage, actorIsCounty: isCounty) {
                throw Problem.invalid([FieldError(field: "stage", message: problem)])
            }
            return try ProjectQueries.update(id: id, version: current.version, to: fields, on: connection)
        }
    }

    static func filter(_ request: Request) throws -> ProjectQueries.Filter {
        var query = Parameters(query: request)
        let major = query.bool("major")
        let filter = ProjectQueries.Filter(
            districtID: query.id("district_id"), leadDepartmentID: query.id("lead_department_id"),
            category: query.choice("category"), stage: query.choice("stage"),
            major: major, parkID: query.id("park_id"), text: query.text("q", maxLength: 100)
        )
        try query.check()
        return filter
    }
}

extension ProjectRecord: VersionedRecord {}
