import Campaign
import Foundation
import Postgres

/// Early warnings (预警) about projects, under the caller's row-level security.
public enum WarningQueries {
    /// A major project (or, for a plan or a problem, any project) that needs attention.
    public struct ProjectWarning: Codable, Sendable, Hashable {
        /// Why: `no_report` (no report for the last complete month), `start_overdue`,
        /// `completion_overdue` (planned completion passed, not completed), `behind_plan` (plan
        /// ratio to date below the county's threshold), `problem_overdue` (a problem past its due
        /// date, unresolved).
        public enum Reason: String, Codable, Sendable, CaseIterable {
            case noReport = "no_report", startOverdue = "start_overdue", completionOverdue = "completion_overdue"
            case behindPlan = "behind_plan", problemOverdue = "problem_overdue"
        }

        public var reason: Reason
        public var project: ProjectRef
        public var districtID: Int64
        public var leadDepartmentID: Int64
        /// `no_report`: the month without a report; `behind_plan`: the month the ratio runs to.
        public var month: Month?
        /// `start_overdue`: the planned start that has passed.
        public var plannedStart: CalendarDate?
        /// `completion_overdue`: the planned completion that has passed.
        public var plannedCompletion: CalendarDate?
        /// `behind_plan`: the plan ratio to date.
        public var ratio: Decimal?
        /// `problem_overdue`: the problem and its due date.
        public var problemID: Int64?
        public var dueOn: CalendarDate?

        enum CodingKeys: String, CodingKey {
            case reason, project
            case districtID = "district_id"
            case leadDepartmentID = "lead_department_id"
            case month
            case plannedStart = "planned_start"
            case plannedCompletion = "planned_completion"
            case ratio
            case problemID = "problem_id"
            case dueOn = "due_on"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reason, forKey: .reason)
            try container.encode(project, forKey: .project)
            try container.encode(districtID, forKey: .districtID)
            try container.encode(leadDepartmentID, forKey: .leadDepartmentID)
            try container.encode(month, forKey: .month)
            try container.encode(plannedStart, forKey: .plannedStart)
            try container.encode(plannedCompletion, forKey: .plannedCompletion)
            try container.encode(ratio, forKey: .ratio)
            try container.encode(problemID, forKey: .problemID)
            try container.encode(dueOn, forKey: .dueOn)
        }
    }

    /// A project as a warning names it.
    public typealias ProjectRef = ProjectReference

    /// Visible major projects under way with no report for `month`; visible major projects
    /// whose planned start (or completion) is before `asOf` with no actual start (completion);
    /// visible projects whose plan of `month`'s year is behind to the end of `month`; and
    /// visible unresolved problems due before `asOf`. Ordered by reason, then code.
    public static func projects(month: Month?, asOf: CalendarDate, behindBelow: Decimal, on connection: Connection) throws -> [ProjectWarning] {
        var query: Query = """
            SELECT * FROM (
            SELECT 'no_report' AS reason, p.id, p.code, p.name, p.district_id, p.lead_department_id,
                   \(month)::date AS month, NULL::date AS planned_start, NULL::date AS planned_completion,
                   NULL::numeric AS ratio, NULL::bigint AS problem_id, NULL::date AS due_on
              FROM app.projects p
             WHERE \(month)::date IS NOT NULL AND p.major AND p.stage IN ('new_start', 'construction')
               AND p.actual_start <= (\(month)::date + interval '1 month')::date - 1
               AND NOT exists (SELECT 1 FROM app.monthly_reports r WHERE r.project_id = p.id AND r.month = \(month)::date)
            UNION ALL
            SELECT 'start_overdue', p.id, p.code, p.name, p.district_id, p.lead_department_id, NULL, p.planned_start,
                   NULL, NULL, NULL, NULL
              FROM app.projects p
             WHERE p.major AND p.actual_start IS NULL AND p.planned_start < \(asOf)::date
               AND p.stage NOT IN ('suspended', 'cancelled')
            UNION ALL
            SELECT 'completion_overdue', p.id, p.code, p.name, p.district_id, p.lead_department_id, NULL, NULL,
                   p.planned_completion, NULL, NULL, NULL
              FROM app.projects p
             WHERE p.major AND p.actual_completion IS NULL AND p.planned_completion < \(asOf)::date
               AND p.stage NOT IN ('completed', 'suspended', 'cancelled')
            UNION ALL
            SELECT 'problem_overdue', p.id, p.code, p.name, p.district_id, p.lead_department_id, NULL, NULL, NULL, NULL,
                   x.id, x.due_on
              FROM app.problems x JOIN app.projects p ON p.id = x.project_id
             WHERE x.status <> 'resolved' AND x.due_on < \(asOf)::date
            UNION ALL
            SELECT 'behind_plan', p.id, p.code, p.name, p.district_id, p.lead_department_id, \(month)::date, NULL, NULL,
                   g.ratio, NULL, NULL
              FROM (
            """
        query.append(PlanQueries.toDate(year: month?.year ?? asOf.year, through: month?.month ?? 0))
        query.append("""
            ) g JOIN app.projects p ON p.id = g.project_id
             WHERE g.ratio < \(behindBelow)::numeric
            ) w ORDER BY 1, 3, w.problem_id
            """)
        return try connection.query(query).map { row in
            ProjectWarning(
                reason: try row.decode("reason"),
                project: ProjectRef(id: try row.decode("id"), code: try row.decode("code"), name: try row.decode("name")),
                districtID: try row.decode("district_id"), leadDepartmentID: try row.decode("lead_department_id"),
                month: try row.decode("month"), plannedStart: try row.decode("planned_start"),
                plannedCompletion: try row.decode("planned_completion"), ratio: try row.decode("ratio"),
                problemID: try row.decode("problem_id"), dueOn: try row.decode("due_on"))
        }
    }
}

extension WarningQueries.ProjectWarning.Reason: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .noReport: "未报月报"
        case .startOverdue: "逾期未开工"
        case .completionOverdue: "逾期未竣工"
        case .behindPlan: "进度滞后（预警）"
        case .problemOverdue: "问题逾期未解决"
        }
    }
}
