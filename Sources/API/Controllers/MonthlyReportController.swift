import Campaign
import Hummingbird
import Store

/// `/projects/{id}/reports`: one report per project and month (月报), entered by the project's
/// district (or the county). Entering or replacing one (re)submits it for review; an approved
/// report is locked for the district (`ReviewController`).
struct MonthlyReportController: APIController {
    let database: Database
    let clock: CampaignClock
    /// When a figure needs 情况说明 (`reports.explanation_below` / `_above`).
    let explanationRule: ExplanationRule

    var routes: [APIRoute] {
        [
            APIRoute(.get, "projects/:id/reports", .signedIn, "The project's monthly reports, month ascending", list)
                .documented(response: .page(of: .ref("MonthlyReport"))),
            APIRoute(.get, "projects/:id/reports/:month", .signedIn, "The month's report, with ETag", show)
                .documented(response: .ref("MonthlyReport")),
            APIRoute(.put, "projects/:id/reports/:month", .editor, "Create (201) or replace (200, If-Match) the month's report", put)
                .documented(request: .ref("MonthlyReportInput"), response: .ref("MonthlyReport"), also: [201]),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        let paging = try Paging(request)
        let page = try await database.transaction(as: context.caller) { connection in
            guard try ProjectQueries.isVisible(id: id, on: connection) else { throw Problem.notFound("project \(id)") }
            return try MonthlyReportQueries.list(projectID: id, limit: paging.limit, offset: paging.offset, on: connection)
        }
        return try JSONResponse.make(ListPage(items: page.items, total: page.total, paging: paging))
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        let month = try Preconditions.pathMonth("month", in: context)
        let record = try await database.transaction(as: context.caller) { connection -> MonthlyReportRecord in
            guard try ProjectQueries.isVisible(id: id, on: connection) else { throw Problem.notFound("project \(id)") }
            guard let record = try MonthlyReportQueries.find(projectID: id, month: month, on: connection) else {
                throw Problem.notFound("the report of \(month) of project \(id)")
            }
            return record
        }
        return try JSONResponse.make(record, version: record.version)
    }

    @Sendable func put(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        let month = try Preconditions.pathMonth("month", in: context)
        try Preconditions.begun(month, clock: clock)
        let version: Int? = if request.headers[.ifMatch] == nil { nil } else { try Preconditions.requiredVersion(request) }
        let received = try await RequestBody.read(request, context: context)
        let (record, created) = try await database.transaction(as: context.caller) { connection -> (MonthlyReportRecord, Bool) in
            var body = received
            guard try ProjectQueries.isVisible(id: id, on: connection) else { throw Problem.notFound("project \(id)") }
            let fields = try ReportBody.read(&body)
            try ReportBody.checkExplanation(
                fields, plan: try PlanQueries.planned(projectID: id, month: month, on: connection), rule: explanationRule)
            guard let current = try MonthlyReportQueries.find(projectID: id, month: month, on: connection) else {
                if version != nil {
                    throw Problem(.preconditionFailed, .notCreatedYet, ["what": "the report of \(month)"])
                }
                if let created = try MonthlyReportQueries.insert(projectID: id, month: month, fields, on: connection) { return (created, true) }
                // A concurrent PUT created it first: answer as if this request came after it.
                throw Preconditions.required(
                    current: try MonthlyReportQueries.find(projectID: id, month: month, on: connection)?.version, what: "the report for \(month)")
            }
            guard let version else { throw Preconditions.required(current: current.version, what: "the report for \(month)") }
            guard current.version == version else { throw Preconditions.stale(current: current.version) }
            if current.review.status == .approved, context.caller.agencyKind != .county {
                throw Problem(.conflict, .reportLocked)
            }
            if let replaced = try MonthlyReportQueries.replace(projectID: id, month: month, version: version, fields, on: connection) {
                return (replaced, false)
            }
            throw try Preconditions.unchanged(
                current: MonthlyReportQueries.find(projectID: id, month: month, on: connection)?.version, expected: version,
                what: "report \(month)"
            )
        }
        return try JSONResponse.make(
            record, status: created ? .created : .ok, version: record.version,
            location: created ? "/api/v1/projects/\(id)/reports/\(month)" : nil
        )
    }
}
