import Campaign
import Foundation
import Postgres

/// The demo county's daily work, written as the owner inside the seed load's transaction:
/// investment plans, reviews of the ended months, 情况说明 of unusual figures.
public enum DemoDailyWorkQueries {
    /// Gives every major project a plan of `year`: the year's reports (or 5% of the total
    /// investment) times 1.00–1.48 by project, split over the months by `weights` (twelve, like
    /// construction: slow around the Spring Festival). Returns the plans written.
    public static func planTheYear(_ year: Int, weights: [Decimal], on connection: Connection) throws -> Int {
        try connection.execute("""
            WITH w AS (SELECT t.n, t.weight FROM unnest(\(weights)::numeric[]) WITH ORDINALITY AS t (weight, n)),
            base AS (
                SELECT p.id, round(greatest(coalesce(sum(r.investment_completed), 0) * (1 + (p.id % 7) * 0.08),
                                            p.total_investment * 0.05), 0) AS annual
                  FROM app.projects p
                  LEFT JOIN app.monthly_reports r ON r.project_id = p.id AND date_part('year', r.month) = \(year)
                 WHERE p.major
                 GROUP BY p.id),
            months AS (
                SELECT b.id, b.annual, w.n, round(b.annual * w.weight / (SELECT sum(weight) FROM w), 2) AS amount
                  FROM base b CROSS JOIN w)
            INSERT INTO app.investment_plans (project_id, year, annual_investment, monthly)
            SELECT id, \(year), annual,
                   (array_agg(amount ORDER BY n))[1:11] || (annual - sum(amount) FILTER (WHERE n < 12))
              FROM months GROUP BY id, annual
            """)
    }

    /// Approves, by an editor of the lead department two days after submission, the reports of
    /// the months before the one before `latest`, but every tenth (still waiting).
    public static func approveEnded(before latest: Month, on connection: Connection) throws {
        try connection.execute("""
            UPDATE app.monthly_reports r
               SET status = 'approved', reviewed_at = r.submitted_at + interval '2 days',
                   reviewed_by = (SELECT u.id FROM app.users u WHERE u.agency_id = p.lead_department_id AND u.role = 'editor' LIMIT 1),
                   review_comment = CASE WHEN r.id % 4 = 0 THEN '数据核实无误' END
              FROM app.projects p
             WHERE p.id = r.project_id AND r.month < \(latest)::date - interval '1 month' AND r.id % 10 <> 0
            """)
    }

    /// Returns every sixth report of `latest` a day after submission with one of `comments`;
    /// returns how many.
    public static func returnSome(of latest: Month, comments: [String], on connection: Connection) throws -> Int {
        try connection.execute("""
            UPDATE app.monthly_reports r
               SET status = 'returned', reviewed_at = r.submitted_at + interval '1 day',
                   reviewed_by = (SELECT u.id FROM app.users u WHERE u.agency_id = p.lead_department_id AND u.role = 'editor' LIMIT 1),
                   review_comment = (\(comments)::text[])[(1 + r.id % \(comments.count))::integer]
              FROM app.projects p
             WHERE p.id = r.project_id AND r.month = \(latest)::date AND r.id % 6 = 0
            """)
    }

    /// How many notifications there are.
    public static func notificationCount(on connection: Connection) throws -> Int {
        try connection.query("SELECT count(*)::int AS n FROM app.notifications")[0].decode("n")
    }

    /// A report of `year` with no 情况说明 yet, with its month's planned amount.
    public struct Unexplained: Sendable {
        public var id: Int64
        public var amount: Decimal
        public var planned: Decimal?
    }

    /// The reports of `year` without 情况说明 whose project has a plan of the year.
    public static func unexplained(year: Int, on connection: Connection) throws -> [Unexplained] {
        try connection.query("""
            SELECT r.id, r.investment_completed, pl.monthly[date_part('month', r.month)::int] AS planned
              FROM app.monthly_reports r
              JOIN app.investment_plans pl ON pl.project_id = r.project_id AND pl.year = date_part('year', r.month)::int
             WHERE pl.year = \(year) AND r.explanation = ''
            """).map { Unexplained(id: try $0.decode("id"), amount: try $0.decode("investment_completed"), planned: try $0.decode("planned")) }
    }

    /// Writes `texts[i]` as the 情况说明 of report `ids[i]`; returns how many were written.
    public static func explain(ids: [Int64], texts: [String], on connection: Connection) throws -> Int {
        try connection.execute("""
            UPDATE app.monthly_reports r SET explanation = e.text
              FROM unnest(\(ids)::bigint[], \(texts)::text[]) AS e (id, text)
             WHERE r.id = e.id
            """)
    }
}
