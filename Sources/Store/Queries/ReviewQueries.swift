import Campaign
import Foundation
import Postgres

/// The review queue (月报审核): monthly reports the caller may review, under row-level security.
public enum ReviewQueries {
    /// A report in the queue with the project it belongs to and what a reviewer judges it by.
    public struct Item: Sendable, Equatable, JSONRecord {
        public var report: MonthlyReportRecord
        public var project: ProjectReference
        public var context: Context

        /// The report's members, its project, then the reviewer's context.
        public static let members: [JSONMember<Self>] = [
            .inline { $0.report },
            .nested("project") { $0.project },
            .inline { $0.context },
        ]
    }

    /// The reviewer's context (CONSOLE.md "Reviewers judge with context"): the project's district,
    /// the month's plan, last month's figure, the year's cumulative plan and actual to this month
    /// (reports not returned), and whether the figure is unusual against the plan (情况说明 rule).
    public struct Context: Sendable, Equatable, JSONRecord {
        public var districtID: Int64
        public var monthPlan: Decimal?
        public var lastMonth: Decimal?
        public var cumulativePlan: Decimal?
        public var cumulativeActual: Decimal
        public var unusual: Bool

        public static let members: [JSONMember<Self>] = [
            .id("district_id") { $0.districtID },
            .number("month_plan") { $0.monthPlan },
            .number("last_month") { $0.lastMonth },
            .number("cumulative_plan") { $0.cumulativePlan },
            .number("cumulative_actual") { $0.cumulativeActual },
            .boolean("unusual") { $0.unusual },
        ]
    }

    /// Which reports the queue lists.
    public struct Filter: Sendable {
        public var status: ReportStatus
        public var month: Month?
        public var districtID: Int64?

        public init(status: ReportStatus, month: Month?, districtID: Int64?) {
            self.status = status
            self.month = month
            self.districtID = districtID
        }
    }

    /// Reports in the filter's status (and month and district, when given) of the projects the
    /// caller reviews: every visible one for the county, those it leads for a department; oldest
    /// submission first.
    public static func queue(
        _ filter: Filter, rule: ExplanationRule, limit: Int, offset: Int, on connection: Connection
    ) throws -> (items: [Item], total: Int) {
        // The page is chosen first (filters, count and order only), and the reviewer's context is
        // computed for its rows alone: a county at month-end has thousands of reports waiting.
        // The page reads `monthly_reports_queue_idx` alone (0100): projects are consulted only to
        // filter by district or lead department, and row-level security hides the rest.
        let rows = try connection.query("""
            SELECT \(unsafeSQL: MonthlyReportQueries.selectColumns), p.code AS project_code, p.name AS project_name,
                   p.district_id, pl.monthly[date_part('month', r.month)::int] AS month_plan,
                   (SELECT l.investment_completed FROM app.monthly_reports l
                     WHERE l.project_id = r.project_id AND l.month = (r.month - interval '1 month')::date) AS last_month,
                   (SELECT sum(m) FROM unnest(pl.monthly[1:date_part('month', r.month)::int]) m) AS cumulative_plan,
                   (SELECT coalesce(sum(c.investment_completed), 0) FROM app.monthly_reports c
                     WHERE c.project_id = r.project_id AND c.status <> 'returned'
                       AND c.month BETWEEN date_trunc('year', r.month)::date AND r.month) AS cumulative_actual,
                   page.total
              FROM (SELECT w.id, w.submitted_at, count(*) OVER () AS total
                      FROM app.monthly_reports w
                     WHERE w.status = \(filter.status.rawValue) AND (\(filter.month)::date IS NULL OR w.month = \(filter.month)::date)
                       AND (\(filter.districtID)::bigint IS NULL
                            OR w.project_id IN (SELECT d.id FROM app.projects d WHERE d.district_id = \(filter.districtID)))
                       AND ((SELECT app.is_county())
                            OR w.project_id IN (SELECT l.id FROM app.projects l WHERE l.lead_department_id = (SELECT app.my_department())))
                     ORDER BY w.submitted_at, w.id
                     LIMIT \(limit) OFFSET \(offset)) page
              JOIN app.monthly_reports r ON r.id = page.id
            \(unsafeSQL: MonthlyReportQueries.displayNameJoins)
              JOIN app.projects p ON p.id = r.project_id
              LEFT JOIN app.investment_plans pl ON pl.project_id = r.project_id AND pl.year = date_part('year', r.month)::int
             ORDER BY page.submitted_at, page.id
            """)
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? queue(filter, rule: rule, limit: 1, offset: 0, on: connection).total : 0)
        let items = try rows.map { row in
            let report = try MonthlyReportQueries.decode(row)
            let monthPlan: Decimal? = try row.decode("month_plan")
            return Item(
                report: report,
                project: ProjectReference(id: report.projectID, code: try row.decode("project_code"), name: try row.decode("project_name")),
                context: Context(
                    districtID: try row.decode("district_id"), monthPlan: monthPlan, lastMonth: try row.decode("last_month"),
                    cumulativePlan: try row.decode("cumulative_plan"), cumulativeActual: try row.decode("cumulative_actual"),
                    unusual: rule.isUnusual(amount: report.fields.investmentCompleted, plan: monthPlan)))
        }
        return (items, total)
    }
}
