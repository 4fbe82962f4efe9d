import Campaign
import Foundation
import Postgres

/// Annual investment plans (年度投资计划), under the caller's row-level security. A plan's actual
/// figures are the project's monthly reports of that year.
public enum PlanQueries {
    /// How a plan is read: to which month the ratio runs, and below which ratio a project is behind.
    public struct Progress: Sendable {
        /// The last complete month (nil: none of the year has ended; no ratio).
        public var throughMonth: Month?
        /// Behind plan below this ratio (a county setting, 0.80 by default).
        public var behindBelow: Decimal

        public init(throughMonth: Month?, behindBelow: Decimal) {
            self.throughMonth = throughMonth
            self.behindBelow = behindBelow
        }
    }

    /// The project's plan of `year` with its month-by-month progress, or nil.
    public static func find(projectID: Int64, year: Int, progress: Progress, on connection: Connection) throws -> PlanRecord? {
        guard let row = try connection.query("""
            SELECT pl.id, pl.project_id, pl.year, pl.annual_investment, pl.monthly, pl.version, pl.updated_at,
                   array(SELECT r.investment_completed FROM generate_series(1, 12) m
                           LEFT JOIN \(unsafeSQL: countedReports) r
                             ON r.project_id = pl.project_id AND r.month = make_date(pl.year, m, 1)
                          ORDER BY m) AS actual
              FROM app.investment_plans pl
             WHERE pl.project_id = \(projectID) AND pl.year = \(year)
            """).first else { return nil }
        let fields = PlanFields(annualInvestment: try row.decode("annual_investment"), monthly: try row.decode("monthly"))
        return PlanRecord(
            id: try row.decode("id"), projectID: try row.decode("project_id"), year: year, fields: fields,
            version: try row.decode("version"), updatedAt: try row.decode("updated_at"),
            progress: PlanProgress(
                year: year, monthly: fields.monthly, actual: try row.decode("actual", as: [Decimal?].self),
                throughMonth: progress.throughMonth, behindBelow: progress.behindBelow))
    }

    /// Creates the plan; nil when a concurrent transaction created it first.
    public static func insert(projectID: Int64, year: Int, _ fields: PlanFields, on connection: Connection) throws -> Int64? {
        try connection.query("""
            INSERT INTO app.investment_plans (project_id, year, annual_investment, monthly)
            VALUES (\(projectID), \(year), \(fields.annualInvestment), \(fields.monthly))
            ON CONFLICT (project_id, year) DO NOTHING
            RETURNING id
            """).first?.decode("id")
    }

    /// Replaces the plan if still at `version`; false when no row changed.
    public static func replace(projectID: Int64, year: Int, version: Int, _ fields: PlanFields, on connection: Connection) throws -> Bool {
        try connection.execute("""
            UPDATE app.investment_plans SET annual_investment = \(fields.annualInvestment), monthly = \(fields.monthly)
             WHERE project_id = \(projectID) AND year = \(year) AND version = \(version)
            """) > 0
    }

    /// The visible projects matching `filter` with a plan of `year`, by code, each with its plan
    /// and actual to date; `behind` keeps only those behind plan (true) or not (false).
    public static func list(
        year: Int, filter: ProjectQueries.Filter, behind: Bool?, progress: Progress, limit: Int, offset: Int,
        on connection: Connection
    ) throws -> (items: [PlanSummary], total: Int) {
        var query: Query = """
            SELECT * FROM (
            SELECT x.*, count(*) OVER () AS total FROM (
            SELECT p.id, p.code, p.name, p.district_id, p.lead_department_id, g.annual_investment, g.plan_to_date,
                   g.actual_to_date, g.ratio
              FROM (
            """
        query.append(toDate(year: year, through: progress.throughMonth?.month ?? 0))
        query.append(") g JOIN app.projects p ON p.id = g.project_id WHERE ")
        query.append(ProjectQueries.condition(filter))
        query.append("""
            ) x WHERE \(behind)::boolean IS NULL
                  OR coalesce(x.ratio < \(progress.behindBelow)::numeric, false) = \(behind)::boolean
            ) y ORDER BY y.code LIMIT \(limit) OFFSET \(offset)
            """)
        let rows = try connection.query(query)
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? list(year: year, filter: filter, behind: behind, progress: progress, limit: 1, offset: 0,
                                  on: connection).total : 0)
        let items = try rows.map { row in
            let ratio: Decimal? = try row.decode("ratio")
            return PlanSummary(
                project: ProjectReference(id: try row.decode("id"), code: try row.decode("code"), name: try row.decode("name")),
                districtID: try row.decode("district_id"), leadDepartmentID: try row.decode("lead_department_id"), year: year,
                annualInvestment: try row.decode("annual_investment"), planToDate: try row.decode("plan_to_date"),
                actualToDate: try row.decode("actual_to_date"), ratioToDate: ratio,
                behind: ratio.map { $0 < progress.behindBelow } ?? false)
        }
        return (items, total)
    }

    /// Every visible plan of `year` with its plan and actual from January to the end of month
    /// `through` (0: no month) and their ratio, rounded to four decimals (null without plan to
    /// date): columns `project_id`, `annual_investment`, `plan_to_date`, `actual_to_date`, `ratio`.
    /// The plan list, the warnings and the reminder scan all read plans through this.
    public static func toDate(year: Int, through: Int) -> Query {
        """
        SELECT pl.project_id, pl.annual_investment, t.plan_to_date, a.actual_to_date,
               CASE WHEN t.plan_to_date > 0 THEN round(a.actual_to_date / t.plan_to_date, 4) END AS ratio
          FROM app.investment_plans pl
         CROSS JOIN LATERAL (SELECT coalesce(sum(v), 0) AS plan_to_date FROM unnest(pl.monthly[1:\(through)::integer]) v) t
         CROSS JOIN LATERAL (SELECT coalesce(sum(r.investment_completed), 0) AS actual_to_date
                               FROM \(unsafeSQL: countedReports) r
                              WHERE r.project_id = pl.project_id
                                AND r.month BETWEEN make_date(\(year)::integer, 1, 1)
                                                AND make_date(\(year)::integer, greatest(\(through)::integer, 1), 1)
                                AND \(through)::integer > 0) a
         WHERE pl.year = \(year)::integer
        """
    }

    /// The monthly reports a plan counts as done: all but returned ones (as assessment figures).
    static let countedReports = "(SELECT * FROM app.monthly_reports WHERE status <> 'returned')"
}
