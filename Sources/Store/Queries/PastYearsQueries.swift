import Postgres

/// Earlier campaign years for a synthetic province (`demo --scale N --years 5`): a county that has
/// run the campaign for years holds every year's reports, plans, statistics, targets, receipts and
/// history, and deletes nothing. The loaded year is repeated in each earlier year, one year back
/// each time, so that benchmarks can compare year five with year one at the same scale. Written
/// by the demo loader only, in its transaction (as the owner, with triggers off when it may).
public enum PastYearsQueries {
    /// A plan for every project and year that has reports and no plan: the year's reports month
    /// by month (zero for a month without one). Returns the plans written.
    @discardableResult
    public static func planFromReports(on connection: Connection) throws -> Int {
        try connection.execute("""
            INSERT INTO app.investment_plans (project_id, year, annual_investment, monthly)
            SELECT py.project_id, py.year, sum(coalesce(r.investment_completed, 0)),
                   array_agg(coalesce(r.investment_completed, 0) ORDER BY m.month)
              FROM (SELECT DISTINCT project_id, date_part('year', month)::int AS year FROM app.monthly_reports) py
             CROSS JOIN generate_series(1, 12) m(month)
              LEFT JOIN app.monthly_reports r ON r.project_id = py.project_id AND r.month = make_date(py.year, m.month, 1)
             GROUP BY py.project_id, py.year
            ON CONFLICT (project_id, year) DO NOTHING
            """)
    }

    /// Copies `year`'s reports (approved three days after their submission, as past years are),
    /// plans, statistics, targets and receipts into each of the `count` years before it. Returns
    /// the rows written by table.
    public static func repeatYear(_ year: Int, back count: Int, on connection: Connection) throws -> [String: Int] {
        guard count > 0 else { return [:] }
        var written: [String: Int] = [:]
        written["monthly_reports"] = try connection.execute("""
            INSERT INTO app.monthly_reports (project_id, month, investment_completed, progress, problems, explanation,
                                             submitted_by, submitted_at, first_submitted_at, status, reviewed_at)
            SELECT r.project_id, (r.month - make_interval(years => k))::date, r.investment_completed, r.progress, r.problems,
                   r.explanation, r.submitted_by, r.submitted_at - make_interval(years => k),
                   r.first_submitted_at - make_interval(years => k), 'approved',
                   r.submitted_at - make_interval(years => k) + interval '3 days'
              FROM app.monthly_reports r CROSS JOIN generate_series(1, \(count)) k
             WHERE r.month >= make_date(\(year), 1, 1) AND r.month < make_date(\(year) + 1, 1, 1)
             ORDER BY k, r.month, r.project_id
            """)
        written["investment_plans"] = try connection.execute("""
            INSERT INTO app.investment_plans (project_id, year, annual_investment, monthly)
            SELECT p.project_id, p.year - k, p.annual_investment, p.monthly
              FROM app.investment_plans p CROSS JOIN generate_series(1, \(count)) k
             WHERE p.year = \(year)
            ON CONFLICT (project_id, year) DO NOTHING
            """)
        written["fai_statistics"] = try connection.execute("""
            INSERT INTO app.fai_statistics (agency_id, month, amount)
            SELECT s.agency_id, (s.month - make_interval(years => k))::date, s.amount
              FROM app.fai_statistics s CROSS JOIN generate_series(1, \(count)) k
             WHERE s.month >= make_date(\(year), 1, 1) AND s.month < make_date(\(year) + 1, 1, 1)
            ON CONFLICT (agency_id, month) DO NOTHING
            """)
        written["targets"] = try connection.execute("""
            INSERT INTO app.targets (year, agency_id, indicator, amount)
            SELECT t.year - k, t.agency_id, t.indicator, t.amount
              FROM app.targets t CROSS JOIN generate_series(1, \(count)) k
             WHERE t.year = \(year)
            ON CONFLICT (year, agency_id, indicator) DO NOTHING
            """)
        written["receipts"] = try connection.execute("""
            INSERT INTO app.receipts (deal_id, received_on, amount)
            SELECT c.deal_id, (c.received_on - make_interval(years => k))::date, c.amount
              FROM app.receipts c CROSS JOIN generate_series(1, \(count)) k
             WHERE c.received_on >= make_date(\(year), 1, 1) AND c.received_on < make_date(\(year) + 1, 1, 1)
            """)
        return written
    }

    /// One history row for each report that has none, as the history trigger writes it for a
    /// clerk's report (the loader writes with triggers off). Returns the rows written.
    @discardableResult
    public static func recordReportHistory(on connection: Connection) throws -> Int {
        try connection.execute("""
            INSERT INTO app.history (table_name, row_id, row_key, project_id, agency_id, user_id, action, changes, at)
            SELECT 'monthly_reports', r.id, r.id::text, r.project_id, p.district_id, r.submitted_by, 'insert',
                   jsonb_build_object('month', jsonb_build_object('new', r.month),
                                      'investment_completed', jsonb_build_object('new', r.investment_completed),
                                      'progress', jsonb_build_object('new', r.progress)),
                   r.submitted_at
              FROM app.monthly_reports r JOIN app.projects p ON p.id = r.project_id
             WHERE NOT EXISTS (SELECT 1 FROM app.history h WHERE h.table_name = 'monthly_reports' AND h.row_id = r.id)
             ORDER BY r.submitted_at
            """)
    }
}
