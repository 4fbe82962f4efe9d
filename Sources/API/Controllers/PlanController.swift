import Campaign
import Foundation
import Hummingbird
import Postgres
import Store

/// `/projects/{id}/plans/{year}` and `/plans`: annual investment plans (年度投资计划) against the
/// reports, written like the project's monthly reports.
struct PlanController: APIController {
    let database: Database
    /// A project is behind plan below this ratio to date (`plans.behind_ratio`).
    let behindBelow: Decimal

    var routes: [APIRoute] {
        [
            APIRoute(.put, "projects/:id/plans/:year", .editor, "Create (201) or replace (200, If-Match) the project's plan of a year", put)
                .documented(request: .ref("PlanInput"), response: .ref("Plan"), also: [201])
                .query(Self.asOf),
            APIRoute(.get, "projects/:id/plans/:year", .signedIn, "The project's plan of a year, month by month against its reports", show)
                .documented(response: .ref("Plan"))
                .query(Self.asOf),
            APIRoute(.get, "plans", .signedIn, "Visible projects' plans of a year with their ratio to date; project filters and behind", list)
                .documented(response: .page(of: .ref("PlanSummary"))).downloadable()
                .query([.year(required: true), .init("behind", .boolean, "true: only projects behind plan; false: only the others"),
                        .init("as_of", .date, "the ratio as of this day (default today, Asia/Shanghai)")] + QueryParameter.projectFilters),
        ]
    }

    static let asOf = QueryParameter("as_of", .date, "read the ratio to date as of this day (default today, Asia/Shanghai)")

    @Sendable func put(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let year = try Parameters.pathYear(in: context)
        let ifMatch = try PutPreconditions.ifMatch(request)
        var body = try await RequestBody.read(request, context: context)
        let fields = try PlanBody.read(&body)
        let asOf = try Self.asOf(request)
        let behindBelow = behindBelow
        let result = try await database.transaction(as: context.caller) { connection in
            try ParentRow.project.require(id, on: connection)
            let progress = try Self.progress(year: year, asOf: asOf, behindBelow: behindBelow, on: connection)
            func current() throws -> PlanRecord? { try PlanQueries.find(projectID: id, year: year, progress: progress, on: connection) }
            return try PutPreconditions.createOrReplace(
                ifMatch: ifMatch, what: "the \(year) plan of project \(id)", version: \.version, current: current,
                insert: { try PlanQueries.insert(projectID: id, year: year, fields, on: connection) == nil ? nil : current() },
                update: { try PlanQueries.replace(projectID: id, year: year, version: $0, fields, on: connection) ? current() : nil })
        }
        return try PutPreconditions.response(result, location: "/api/v1/projects/\(id)/plans/\(year)")
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let year = try Parameters.pathYear(in: context)
        let asOf = try Self.asOf(request)
        let behindBelow = behindBelow
        let record = try await database.transaction(as: context.caller) { connection -> PlanRecord in
            try ParentRow.project.require(id, on: connection)
            let progress = try Self.progress(year: year, asOf: asOf, behindBelow: behindBelow, on: connection)
            guard let plan = try PlanQueries.find(projectID: id, year: year, progress: progress, on: connection) else {
                throw Problem.notFound("a \(year) plan of project \(id)")
            }
            return plan
        }
        return try JSONResponse.make(record, version: record.version)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        var query = Parameters(query: request)
        let year = query.year(required: true)
        let behind = query.bool("behind")
        let filter = try ProjectController.filter(request)
        try query.check()
        guard let year else { throw Problem.invalid(query.validator.errors) }
        let asOf = try Self.asOf(request)
        let behindBelow = behindBelow
        if let format = try DownloadRequest.format(request) {
            let progress = try await database.transaction(as: context.caller) {
                try Self.progress(year: year, asOf: asOf, behindBelow: behindBelow, on: $0)
            }
            return try await DownloadResponse.make(.plans(year: year, filter: filter, behind: behind, progress: progress),
                                                   format: format, database: database, context: context)
        }
        let page = try await database.transaction(as: context.caller) { connection in
            let progress = try Self.progress(year: year, asOf: asOf, behindBelow: behindBelow, on: connection)
            return try PlanQueries.list(
                year: year, filter: filter, behind: behind, progress: progress, limit: paging.limit, offset: paging.offset,
                on: connection)
        }
        return try JSONResponse.make(ListPage(items: page.items, total: page.total, paging: paging))
    }

    /// `as_of` (YYYY-MM-DD): the day the ratio is read on; default today in Asia/Shanghai.
    static func asOf(_ request: Request) throws -> CalendarDate? {
        var query = Parameters(query: request)
        let date = query.date("as_of")
        try query.check()
        return date
    }

    static func progress(year: Int, asOf: CalendarDate?, behindBelow: Decimal, on connection: Connection) throws -> PlanQueries.Progress {
        let day = try asOf ?? CountyCalendar.today(on: connection)
        return PlanQueries.Progress(throughMonth: Month.lastComplete(before: day, inYear: year), behindBelow: behindBelow)
    }
}

extension PlanRecord: VersionedRecord {}
