import Campaign
import Postgres

/// The figures the assessment rules need, aggregated by PostgreSQL in one set-based statement.
///
/// One row per assessed agency (departments and districts): each indicator's actual, cumulative
/// from 1 January to `lastDay`, with its annual target, and the district's late monthly reports.
/// Remit (DOMAIN.md rule 2): a district counts the projects located in it and the deals landing
/// in it; a department the projects it leads and the deals of the teams it leads.
///
/// Run as the worker it sees every row; run as a caller under row-level security (early
/// warnings) it sees exactly what that caller may see.
public enum AssessmentFigureQueries {
    /// Every assessed agency's figures for `year` up to `lastDay`, ordered by agency code.
    public static func figures(
        year: Int, through lastDay: CalendarDate, reportDeadlineDay: Int, countLateReports: Bool,
        on connection: Connection
    ) throws -> [AgencyFigures] {
        try figures(
            year: year, cutoffs: [lastDay], reportDeadlineDay: reportDeadlineDay, countLateReports: countLateReports,
            on: connection)[0]
    }

    /// The figures at several cut-off days at once (a year run needs each quarter's), from a single
    /// pass over the rows: reports and statistics are summed per month first, receipts per the
    /// first cut-off on or after their day, then each per cut-off.
    /// Late reports are counted only when `countLateReports` (the scheme's penalty is on); the
    /// monthly reports of projects that are not major are not read otherwise. Returned reports
    /// count for nothing (DOMAIN.md, report review); a report is late by its first submission.
    public static func figures(
        year: Int, cutoffs: [CalendarDate], reportDeadlineDay: Int, countLateReports: Bool, on connection: Connection
    ) throws -> [[AgencyFigures]] {
        // Planned for the actual dates each time: a cached generic plan cannot tell that the range
        // covers most of the year's reports, and would not scan them in parallel. (Local to the
        // transaction every caller runs this in: the worker's snapshot, or an API request's.)
        try connection.execute("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
        let rows = try connection.query(statement(
            year: year, cutoffs: cutoffs, deadlineDay: reportDeadlineDay, countLate: countLateReports))
        var result = Array(repeating: [AgencyFigures](), count: cutoffs.count)
        for row in rows.rows {
            var indicators: [Indicator: IndicatorFigures] = [:]
            for indicator in Indicator.allCases {
                indicators[indicator] = IndicatorFigures(
                    actual: try row.decode("\(indicator.rawValue)_actual"),
                    annualTarget: try row.decode("\(indicator.rawValue)_target"))
            }
            let kind: AgencyKind = try row.decode("kind")
            result[try row.decode("idx", as: Int.self) - 1].append(AgencyFigures(
                agency: AgencyRef(id: try row.decode("id"), code: try row.decode("code"), name: try row.decode("name")),
                group: AssessmentGroup(kind) ?? .district, indicators: indicators,
                lateReports: try row.decode("late_reports")))
        }
        return result
    }

    static func statement(year: Int, cutoffs: [CalendarDate], deadlineDay: Int, countLate: Bool) -> Query {
        // The date range is bound into each scan rather than read from a CTE, so that PostgreSQL can
        // scan and aggregate the monthly reports in parallel (a CTE scan keeps a plan serial); it
        // does so when it knows the sums by district, department and month are few (0105's statistics).
        let lastDay = cutoffs.max().map(\.description) ?? "\(year)-12-31"
        // The cut-offs in order, for `width_bucket`: a receipt counts from the first cut-off on or
        // after its day, so receipts are summed per such cut-off rather than per day (at the
        // province scale 100,000 days of receipts became 400,000 rows, one per day and cut-off).
        let ascending = Set(cutoffs).sorted().map(\.description)
        return """
        WITH cutoffs AS (
            SELECT c.idx::integer AS idx, c.last_day
              FROM unnest(\(cutoffs.map(\.description))::date[]) WITH ORDINALITY AS c (last_day, idx)
        ),
        fai AS (
            SELECT c.idx, m.agency_id, sum(m.amount) AS actual
              FROM (SELECT s.agency_id, s.month, sum(s.amount) AS amount
                      FROM app.fai_statistics s
                     WHERE s.month BETWEEN make_date(\(year)::integer, 1, 1) AND \(lastDay)::date
                     GROUP BY s.agency_id, s.month) m
              JOIN cutoffs c ON m.month <= c.last_day
             GROUP BY c.idx, m.agency_id
        ),
        report_months AS (
            SELECT p.district_id, p.lead_department_id, r.month,
                   coalesce(sum(r.investment_completed) FILTER (WHERE p.major), 0) AS investment,
                   count(*) FILTER (WHERE r.first_submitted_days_after_month >= \(deadlineDay)::integer) AS late
              FROM app.monthly_reports r
              JOIN app.projects p ON p.id = r.project_id
             WHERE r.month BETWEEN make_date(\(year)::integer, 1, 1) AND \(lastDay)::date AND (p.major OR \(countLate)::boolean)
               AND r.status <> 'returned'
             GROUP BY p.district_id, p.lead_department_id, r.month
        ),
        milestones AS (
            SELECT p.district_id, p.lead_department_id, p.actual_start, p.actual_completion
              FROM app.projects p
             WHERE p.major
               AND (p.actual_start BETWEEN make_date(\(year)::integer, 1, 1) AND \(lastDay)::date
                    OR p.actual_completion BETWEEN make_date(\(year)::integer, 1, 1) AND \(lastDay)::date)
        ),
        fund_days AS (
            SELECT d.district_id, t.lead_department_id,
                   (\(ascending)::date[])[width_bucket(rc.received_on - 1, \(ascending)::date[]) + 1] AS received_by,
                   sum(rc.amount) AS amount
              FROM app.receipts rc
              JOIN app.deals d ON d.id = rc.deal_id
              LEFT JOIN app.attraction_teams t ON t.id = d.team_id  -- districts cannot see teams
             WHERE rc.received_on BETWEEN make_date(\(year)::integer, 1, 1) AND \(lastDay)::date
             GROUP BY 1, 2, 3
        ),
        pairs AS (
            SELECT c.idx, m.district_id, m.lead_department_id, sum(m.investment) AS investment, sum(m.late) AS late,
                   0::bigint AS new_starts, 0::bigint AS completions, 0::numeric AS funds
              FROM report_months m JOIN cutoffs c ON m.month <= c.last_day
             GROUP BY c.idx, m.district_id, m.lead_department_id
            UNION ALL
            SELECT c.idx, ms.district_id, ms.lead_department_id, 0, 0,
                   count(*) FILTER (WHERE ms.actual_start BETWEEN make_date(\(year)::integer, 1, 1) AND c.last_day),
                   count(*) FILTER (WHERE ms.actual_completion BETWEEN make_date(\(year)::integer, 1, 1) AND c.last_day), 0
              FROM milestones ms CROSS JOIN cutoffs c
             GROUP BY c.idx, ms.district_id, ms.lead_department_id
            UNION ALL
            SELECT c.idx, f.district_id, f.lead_department_id, 0, 0, 0, 0, sum(f.amount)
              FROM fund_days f JOIN cutoffs c ON f.received_by <= c.last_day
             GROUP BY c.idx, f.district_id, f.lead_department_id
        ),
        by_agency AS (
            SELECT p.idx, x.agency_id, sum(x.investment) AS investment, sum(x.new_starts) AS new_starts,
                   sum(x.completions) AS completions, sum(x.funds) AS funds, sum(x.late) AS late
              FROM pairs p
             CROSS JOIN LATERAL (VALUES (p.district_id, p.investment, p.new_starts, p.completions, p.funds, p.late),
                                        (p.lead_department_id, p.investment, p.new_starts, p.completions, p.funds, 0))
                   AS x (agency_id, investment, new_starts, completions, funds, late)
             GROUP BY p.idx, x.agency_id
        ),
        targets AS (
            SELECT t.agency_id,
                   max(t.amount) FILTER (WHERE t.indicator = 'fai') AS fai,
                   max(t.amount) FILTER (WHERE t.indicator = 'major_investment') AS major_investment,
                   max(t.amount) FILTER (WHERE t.indicator = 'new_starts') AS new_starts,
                   max(t.amount) FILTER (WHERE t.indicator = 'completions') AS completions,
                   max(t.amount) FILTER (WHERE t.indicator = 'attraction_funds') AS attraction_funds
              FROM app.targets t
             WHERE t.year = \(year)::integer
             GROUP BY t.agency_id
        )
        SELECT c.idx, a.id, a.code, a.name, a.kind,
               CASE WHEN a.kind = 'district' THEN coalesce(f.actual, 0) ELSE 0 END AS fai_actual,
               tg.fai AS fai_target,
               coalesce(pa.investment, 0) AS major_investment_actual, tg.major_investment AS major_investment_target,
               coalesce(pa.new_starts, 0) AS new_starts_actual, tg.new_starts AS new_starts_target,
               coalesce(pa.completions, 0) AS completions_actual, tg.completions AS completions_target,
               coalesce(pa.funds, 0) AS attraction_funds_actual, tg.attraction_funds AS attraction_funds_target,
               CASE WHEN a.kind = 'district' THEN coalesce(pa.late, 0) ELSE 0 END AS late_reports
          FROM app.agencies a
         CROSS JOIN cutoffs c
          LEFT JOIN fai f ON f.idx = c.idx AND f.agency_id = a.id
          LEFT JOIN by_agency pa ON pa.idx = c.idx AND pa.agency_id = a.id
          LEFT JOIN targets tg ON tg.agency_id = a.id
         WHERE a.kind IN ('department', 'district')
         ORDER BY c.idx, a.code
        """
    }
}
