import Campaign
import Foundation
import Postgres

/// Early warnings (预警) about projects, under the caller's row-level security.
public enum WarningQueries {
    /// A major project that needs attention.
    public struct ProjectWarning: Codable, Sendable, Hashable {
        /// Why: `no_report` (no report for the last complete month) or `start_overdue`.
        public enum Reason: String, Codable, Sendable, CaseIterable { case noReport = "no_report", startOverdue = "start_overdue" }

        public var reason: Reason
        public var project: ProjectRef
        public var districtID: Int64
        public var leadDepartmentID: Int64
        /// `no_report`: the month without a report.
        public var month: Month?
        /// `start_overdue`: the planned start that has passed.
        public var plannedStart: CalendarDate?

        enum CodingKeys: String, CodingKey {
            case reason, project
            case districtID = "district_id"
            case leadDepartmentID = "lead_department_id"
            case month
            case plannedStart = "planned_start"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reason, forKey: .reason)
            try container.encode(project, forKey: .project)
            try container.encode(districtID, forKey: .districtID)
            try container.encode(leadDepartmentID, forKey: .leadDepartmentID)
            try container.encode(month, forKey: .month)
            try container.encode(plannedStart, forKey: .plannedStart)
        }
    }

    /// A project as a warning names it.
    public struct ProjectRef: Codable, Sendable, Hashable {
        public var id: Int64
        public var code: String
        public var name: String
    }

    /// Visible major projects under way with no report for `month`, and visible major projects
    /// whose planned start is before `asOf` with no actual start; ordered by reason, then code.
    public static func projects(month: Month?, asOf: CalendarDate, on connection: Connection) throws -> [ProjectWarning] {
        let rows = try connection.query("""
            SELECT 'no_report' AS reason, p.id, p.code, p.name, p.district_id, p.lead_department_id,
                   \(month)::date AS month, NULL::date AS planned_start
              FROM app.projects p
             WHERE \(month)::date IS NOT NULL AND p.major AND p.stage IN ('new_start', 'construction')
               AND p.actual_start <= (\(month)::date + interval '1 month')::date - 1
               AND NOT exists (SELECT 1 FROM app.monthly_reports r WHERE r.project_id = p.id AND r.month = \(month)::date)
            UNION ALL
            SELECT 'start_overdue', p.id, p.code, p.name, p.district_id, p.lead_department_id, NULL, p.planned_start
              FROM app.projects p
             WHERE p.major AND p.actual_start IS NULL AND p.planned_start < \(asOf)::date
               AND p.stage NOT IN ('suspended', 'cancelled')
             ORDER BY 1, 3
            """)
        return try rows.map { row in
            ProjectWarning(
                reason: try row.decode("reason"),
                project: ProjectRef(id: try row.decode("id"), code: try row.decode("code"), name: try row.decode("name")),
                districtID: try row.decode("district_id"), leadDepartmentID: try row.decode("lead_department_id"),
                month: try row.decode("month"), plannedStart: try row.decode("planned_start"))
        }
    }
}
