import Campaign
import Foundation
import Postgres

extension MonthlyReportQueries {
    /// What entering the month's report needs to know, read under the caller's row-level security.
    public struct Entry: Sendable {
        /// The month's planned investment, when the project has a plan of the year (for 情况说明).
        public var planned: Decimal?
        /// The month's report, when there is one.
        public var report: MonthlyReportRecord?
        /// The report is approved and locked for the caller (`app.report_locked`, migration 0097).
        public var locked: Bool
    }

    /// The project's plan for the month, its report and the report's lock in one statement; nil
    /// when the caller cannot see the project.
    public static func entry(projectID: Int64, month: Month, on connection: Connection) throws -> Entry? {
        guard let row = try connection.query("""
            SELECT pl.monthly[\(month.month)::int] AS planned, coalesce(app.report_locked(x.status), false) AS locked, x.*
              FROM app.projects p
              LEFT JOIN app.investment_plans pl ON pl.project_id = p.id AND pl.year = \(month.year)
              LEFT JOIN LATERAL (\(unsafeSQL: select) WHERE r.project_id = p.id AND r.month = \(month)) x ON true
             WHERE p.id = \(projectID)
            """).first else { return nil }
        let reportID: Int64? = try row.decode("id")
        return Entry(planned: try row.decode("planned"), report: try reportID.map { _ in try decode(row) }, locked: try row.decode("locked"))
    }
}
