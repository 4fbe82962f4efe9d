import Campaign
import Foundation
import Postgres

/// The review queue (月报审核): monthly reports the caller may review, under row-level security.
public enum ReviewQueries {
    /// A report in the queue with the project it belongs to.
    public struct Item: Sendable, Equatable, JSONObject {
        public var report: MonthlyReportRecord
        public var project: ProjectReference

        public func writeMembers(to writer: inout some JSONMemberWriter) throws {
            try report.writeMembers(to: &writer)
            try writer.write("project", encoding: project)
        }
    }

    /// Reports in `status` (and `month`, when given) of the projects the caller reviews: every
    /// visible one for the county, those it leads for a department; oldest submission first.
    public static func queue(
        status: ReportStatus, month: Month?, limit: Int, offset: Int, on connection: Connection
    ) throws -> (items: [Item], total: Int) {
        let rows = try connection.query("""
            SELECT * FROM (
            SELECT \(unsafeSQL: MonthlyReportQueries.selectColumns), p.code AS project_code, p.name AS project_name,
                   count(*) OVER () AS total
              \(unsafeSQL: MonthlyReportQueries.fromClause)
              JOIN app.projects p ON p.id = r.project_id
             WHERE r.status = \(status.rawValue) AND (\(month)::date IS NULL OR r.month = \(month)::date)
               AND ((SELECT app.is_county()) OR p.lead_department_id = (SELECT app.my_department()))
            ) q ORDER BY q.submitted_at, q.id
             LIMIT \(limit) OFFSET \(offset)
            """)
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? queue(status: status, month: month, limit: 1, offset: 0, on: connection).total : 0)
        let items = try rows.map { row in
            let report = try MonthlyReportQueries.decode(row)
            return Item(report: report, project: ProjectReference(
                id: report.projectID, code: try row.decode("project_code"), name: try row.decode("project_name")))
        }
        return (items, total)
    }
}
