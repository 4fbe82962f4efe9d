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
        try await ParentRow.project.page(request, context: context, database: database) {
            try MonthlyReportQueries.list(projectID: $0, limit: $1.limit, offset: $1.offset, on: $2)
        }
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let month = try Parameters.pathMonth("month", in: context)
        let record = try await database.transaction(as: context.caller) { connection -> MonthlyReportRecord in
            try ParentRow.project.require(id, on: connection)
            guard let record = try MonthlyReportQueries.find(projectID: id, month: month, on: connection) else {
                throw Problem.notFound("the report of \(month) of project \(id)")
            }
            return record
        }
        return try JSONResponse.make(record, version: record.version)
    }

    /// The body is read and validated before any connection is taken; then one transaction sends
    /// three statements: the project's plan, report and lock (`MonthlyReportQueries.entry`, with
    /// `BEGIN` and the caller's settings), the insert or update with its read-back (one
    /// pipeline), and `COMMIT`.
    @Sendable func put(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let month = try Parameters.pathMonth("month", in: context)
        try Preconditions.begun(month, clock: clock)
        let ifMatch = try PutPreconditions.ifMatch(request)
        var body = try await RequestBody.read(request, context: context)
        let fields = try ReportBody.read(&body)
        let explanationRule = explanationRule
        let result = try await database.transaction(as: context.caller) { connection in
            guard let entry = try MonthlyReportQueries.entry(projectID: id, month: month, on: connection) else {
                throw Problem.notFound("project \(id)")
            }
            try ReportBody.checkExplanation(fields, plan: entry.planned, rule: explanationRule)
            // The write is the transaction's last statement: its COMMIT goes out with it (one
            // round trip instead of two), and a write that lost a race is explained by the report
            // its pipeline read back, not by another statement.
            connection.commitWithNextStatement()
            var readBack: MonthlyReportRecord?
            return try PutPreconditions.createOrReplace(
                ifMatch: ifMatch, what: "report \(month)", version: \.version, existing: entry.report,
                current: { readBack },
                insert: {
                    let write = try MonthlyReportQueries.insert(projectID: id, month: month, fields, on: connection)
                    readBack = write.current
                    return write.record
                },
                update: { version in
                    if entry.locked { throw Problem(.conflict, .reportLocked) }
                    let write = try MonthlyReportQueries.replace(projectID: id, month: month, version: version, fields, on: connection)
                    readBack = write.current
                    return write.record
                })
        }
        return try PutPreconditions.response(result, location: "/api/v1/projects/\(id)/reports/\(month)")
    }
}

extension MonthlyReportRecord: VersionedRecord {}
