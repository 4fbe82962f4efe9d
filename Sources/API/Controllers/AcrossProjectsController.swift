import Campaign
import Hummingbird
import Store

/// `/reports` and `/approvals`: projects' monthly reports and approvals listed across every
/// visible project (and downloadable as spreadsheets).
struct AcrossProjectsController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.get, "reports", .signedIn, "A month's reports of the visible projects (month required; status and project filters), by project code", reports)
                .documented(response: .page(of: .ref("MonthlyReportRow"))).downloadable()
                .query([.init("month", .month, required: true, "the month (YYYY-MM)"),
                        .init("status", .choice(ReportStatus.self), "only reports in this status")] + QueryParameter.projectFilters),
            APIRoute(.get, "approvals", .signedIn, "Approvals of the visible projects with processing days (filters department_id, district_id, kind, status)", approvals)
                .documented(response: .page(of: .ref("ApprovalRow"))).downloadable()
                .query(.id("department_id", "only approvals this department handles"), .id("district_id", "only projects in this district"),
                       .init("kind", .choice(ApprovalKind.self), "only approvals of this kind"),
                       .init("status", .choice(ApprovalStatus.self), "only approvals in this status")),
        ]
    }

    @Sendable func reports(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var query = Parameters(query: request)
        let month = query.month(required: true)
        let status: ReportStatus? = query.choice("status")
        try query.check()
        guard let month else { throw Problem.invalid(query.validator.errors) }
        let filter = try ProjectController.filter(request)
        // Paging is checked even for a download, which sends the whole list: a bad limit is 422 either way.
        let paging = try Paging(request)
        if let format = try DownloadRequest.format(request) {
            return try await DownloadResponse.make(.monthlyReports(month, status: status, filter: filter), format: format, database: database, context: context)
        }
        return try await ListPage.response(paging, context: context, database: database) {
            try MonthlyReportQueries.month(month, status: status, filter: filter, limit: paging.limit, offset: paging.offset, on: $0)
        }
    }

    @Sendable func approvals(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var query = Parameters(query: request)
        let filter = ApprovalQueries.Filter(
            departmentID: query.id("department_id"), districtID: query.id("district_id"),
            kind: query.choice("kind"), status: query.choice("status"))
        try query.check()
        // Paging is checked even for a download, which sends the whole list: a bad limit is 422 either way.
        let paging = try Paging(request)
        if let format = try DownloadRequest.format(request) {
            return try await DownloadResponse.make(.approvals(filter), format: format, database: database, context: context)
        }
        return try await ListPage.response(paging, context: context, database: database) {
            try ApprovalQueries.across(filter, limit: paging.limit, offset: paging.offset, on: $0)
        }
    }
}
