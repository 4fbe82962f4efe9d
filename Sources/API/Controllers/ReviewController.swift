import Campaign
import Hummingbird
import Store

/// Report review (月报审核): `POST /projects/{id}/reports/{month}/review` and the `/reviews`
/// queue. Reviewers are county editors and the editors of the project's lead department; the
/// database's trigger `monthly_reports_review` holds the same rules for every client.
struct ReviewController: APIController {
    let database: Database
    /// Flags a waiting report whose figure is unusual against its month's plan.
    let explanationRule: ExplanationRule

    var routes: [APIRoute] {
        [
            APIRoute(.post, "projects/:id/reports/:month/review", .reviewer,
                     "Approve, return (with a comment) or reopen (county) a monthly report (If-Match)", review)
                .documented(request: .ref("ReviewInput"), response: .ref("MonthlyReport"))
                .requiringIfMatch(),
            APIRoute(.post, "reviews/batch", .reviewer,
                     "Decide several reports at once, each as its single review would be (its version as If-Match)", batch)
                .documented(request: .ref("BatchReviewInput"), response: .ref("BatchReviewResults")),
            APIRoute(.get, "reviews", .reviewer, "Monthly reports waiting in a status that the caller reviews, oldest first", queue)
                .documented(response: .page(of: .ref("ReviewItem"))).downloadable()
                .query(.init("status", .choice(ReportStatus.self), "reports in this status (default submitted)"),
                       .init("month", .month, "only reports of this month (YYYY-MM)"),
                       .init("district_id", .id, "only reports of projects in this district")),
        ]
    }

    @Sendable func review(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let month = try Parameters.pathMonth("month", in: context)
        var body = try await RequestBody.read(request, context: context)
        let decision: ReviewDecision? = body.choice("decision")
        let comment = body.string("comment", maxLength: ReportBody.textLimit, required: decision == .return, nullable: true)
        try body.finish()
        guard let decision else { throw Problem.invalid(body.validator.errors) }
        let version = try Preconditions.requiredVersion(request)
        let target = BatchReviewBody.Item(projectID: id, month: month, version: version)
        let record = try await decide(target, decision: decision, comment: comment, caller: context.caller)
        return try JSONResponse.make(record, version: record.version)
    }

    /// Decides one report in its own transaction, as `POST …/review` with If-Match `item.version`.
    func decide(_ item: BatchReviewBody.Item, decision: ReviewDecision, comment: String?, caller: Caller) async throws -> MonthlyReportRecord {
        let (id, month, version) = (item.projectID, item.month, item.version)
        return try await database.transaction(as: caller) { connection -> MonthlyReportRecord in
            guard let project = try ProjectQueries.find(id: id, on: connection) else { throw Problem.notFound("project \(id)") }
            guard let current = try MonthlyReportQueries.find(projectID: id, month: month, on: connection) else {
                throw Problem.notFound("the report of \(month) of project \(id)")
            }
            let reviews = caller.agencyKind == .county || project.fields.leadDepartmentID == caller.agencyID
            guard reviews, decision != .reopen || caller.agencyKind == .county else {
                throw Problem(.forbidden, decision == .reopen ? .reopenCountyOnly : .reviewerOnly)
            }
            guard current.version == version else { throw Preconditions.stale(current: current.version) }
            guard current.review.status == decision.from else {
                throw Problem(.conflict, .reviewWrongStatus, [
                    "month": Wording.month(month), "status": current.review.status.chineseLabel, "needed": decision.from.chineseLabel,
                    "decision": decision.chineseLabel, "month_code": "\(month)", "status_code": current.review.status.rawValue,
                    "needed_code": decision.from.rawValue, "decision_code": decision.rawValue,
                ])
            }
            if let reviewed = try MonthlyReportQueries.review(
                projectID: id, month: month, version: version, decision: decision, comment: comment, on: connection) {
                return reviewed
            }
            throw Preconditions.unchanged(
                current: try MonthlyReportQueries.find(projectID: id, month: month, on: connection)?.version, expected: version,
                what: "report \(month)")
        }
    }

    @Sendable func queue(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        var query = Parameters(query: request)
        let status = query.choice("status", as: ReportStatus.self)
        let month = query.month()
        let district = query.id("district_id")
        try query.check()
        let filter = ReviewQueries.Filter(status: status ?? .submitted, month: month, districtID: district)
        if let format = try DownloadRequest.format(request) {
            return try await DownloadResponse.make(.reviews(status: filter.status, month: month, districtID: district), format: format,
                                                   database: database, context: context)
        }
        return try await ListPage.response(paging, context: context, database: database) {
            try ReviewQueries.queue(filter, rule: explanationRule, limit: paging.limit, offset: paging.offset, on: $0)
        }
    }
}
