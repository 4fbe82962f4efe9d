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
        year: Int, through lastDay: CalendarDate, reportDeadlineDay: Int, on connection: Connection
    ) throws -> [AgencyFigures] {
        let rows = try connection.query(statement(year: year, lastDay: lastDay, deadlineDay: reportDeadlineDay))
        return try rows.map { row in
            var indicators: [Indicator: IndicatorFigures] = [:]
            for indicator in Indicator.allCases {
                indicators[indicator] = IndicatorFigures(
                    actual: try row.decode("\(indicator.rawValue)_actual"),
                    annualTarget: try row.decode("\(indicator.rawValue)_target"))
            }
            let kind: AgencyKind = try row.decode("kind")
            return AgencyFigures(
                agency: AgencyRef(id: try row.decode("id"), code: try row.decode("code"), name: try row.decode("name")),
                group: AssessmentGroup(kind) ?? .district, indicators: indicators,
                lateReports: try row.decode("late_reports"))
        }
    }

    static func statement(year: Int, lastDay: CalendarDate, deadlineDay: Int) -> Query {
        """
        WITH bounds AS (
            SELECT make_date(\(year)::integer, 1, 1) AS first_day, \(lastDay)::date AS last_day,
                   \(deadlineDay)::integer AS deadline_day
        ),
        fai AS (
            SELECT s.agency_id, sum(s.amount) AS actual
              FROM app.fai_statistics s CROSS JOIN bounds b
             WHERE s.month BETWEEN b.first_day AND b.last_day
             GROUP BY s.agency_id
        ),
        investment_pairs AS (
            SELECT p.district_id, p.lead_department_id, sum(r.investment_completed) AS investment
              FROM app.monthly_reports r
              JOIN app.projects p ON p.id = r.project_id
             CROSS JOIN bounds b
             WHERE p.major AND r.month BETWEEN b.first_day AND b.last_day
             GROUP BY p.district_id, p.lead_department_id
        ),
        milestone_pairs AS (
            SELECT p.district_id, p.lead_department_id,
                   count(*) FILTER (WHERE p.actual_start BETWEEN b.first_day AND b.last_day) AS new_starts,
                   count(*) FILTER (WHERE p.actual_completion BETWEEN b.first_day AND b.last_day) AS completions
              FROM app.projects p CROSS JOIN bounds b
             WHERE p.major
               AND (p.actual_start BETWEEN b.first_day AND b.last_day
                    OR p.actual_completion BETWEEN b.first_day AND b.last_day)
             GROUP BY p.district_id, p.lead_department_id
        ),
        projects_by_agency AS (
            SELECT x.agency_id, sum(x.investment) AS investment, sum(x.new_starts) AS new_starts,
                   sum(x.completions) AS completions
              FROM (SELECT i.district_id, i.lead_department_id, i.investment, 0::bigint AS new_starts,
                           0::bigint AS completions
                      FROM investment_pairs i
                    UNION ALL
                    SELECT m.district_id, m.lead_department_id, 0, m.new_starts, m.completions
                      FROM milestone_pairs m) pair
             CROSS JOIN LATERAL (VALUES (pair.district_id, pair.investment, pair.new_starts, pair.completions),
                                        (pair.lead_department_id, pair.investment, pair.new_starts, pair.completions))
                   AS x (agency_id, investment, new_starts, completions)
             GROUP BY x.agency_id
        ),
        fund_pairs AS (
            SELECT d.district_id, t.lead_department_id, sum(rc.amount) AS amount
              FROM app.receipts rc
              JOIN app.deals d ON d.id = rc.deal_id
              LEFT JOIN app.attraction_teams t ON t.id = d.team_id  -- districts cannot see teams
             CROSS JOIN bounds b
             WHERE rc.received_on BETWEEN b.first_day AND b.last_day
             GROUP BY d.district_id, t.lead_department_id
        ),
        funds_by_agency AS (
            SELECT x.agency_id, sum(x.amount) AS amount
              FROM fund_pairs f
             CROSS JOIN LATERAL (VALUES (f.district_id, f.amount), (f.lead_department_id, f.amount)) AS x (agency_id, amount)
             GROUP BY x.agency_id
        ),
        late AS (
            SELECT p.district_id AS agency_id, count(*) AS late_reports
              FROM app.monthly_reports r
              JOIN app.projects p ON p.id = r.project_id
             CROSS JOIN bounds b
             WHERE r.month BETWEEN b.first_day AND b.last_day
               AND (r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date
                   > (r.month + interval '1 month')::date + (b.deadline_day - 1)
             GROUP BY p.district_id
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
        SELECT a.id, a.code, a.name, a.kind,
               CASE WHEN a.kind = 'district' THEN coalesce(f.actual, 0) ELSE 0 END AS fai_actual,
               tg.fai AS fai_target,
               coalesce(pa.investment, 0) AS major_investment_actual, tg.major_investment AS major_investment_target,
               coalesce(pa.new_starts, 0) AS new_starts_actual, tg.new_starts AS new_starts_target,
               coalesce(pa.completions, 0) AS completions_actual, tg.completions AS completions_target,
               coalesce(fa.amount, 0) AS attraction_funds_actual, tg.attraction_funds AS attraction_funds_target,
               CASE WHEN a.kind = 'district' THEN coalesce(l.late_reports, 0) ELSE 0 END AS late_reports
          FROM app.agencies a
          LEFT JOIN fai f ON f.agency_id = a.id
          LEFT JOIN projects_by_agency pa ON pa.agency_id = a.id
          LEFT JOIN funds_by_agency fa ON fa.agency_id = a.id
          LEFT JOIN late l ON l.agency_id = a.id
          LEFT JOIN targets tg ON tg.agency_id = a.id
         WHERE a.kind IN ('department', 'district')
         ORDER BY a.code
        """
    }
}
