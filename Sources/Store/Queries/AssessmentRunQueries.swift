import Campaign
import Foundation
import Postgres

/// Assessment runs and their results as the API reads and changes them (under the caller's
/// row-level security: drafts are the county's, published runs everybody's).
public enum AssessmentRunQueries {
    static let columns = """
        r.id, r.year, r.period, r.status, r.created_at, r.started_at, r.finished_at, r.published_at, r.error
        """

    /// Queues a run of `year` and `period`; the insert notifies the workers.
    public static func queue(year: Int, period: Period, on connection: Connection) throws -> AssessmentRunRecord {
        let rows = try connection.query("""
            INSERT INTO app.assessment_runs AS r (year, period) VALUES (\(year), \(period.rawValue))
            RETURNING \(unsafeSQL: columns)
            """)
        return try decode(rows[0])
    }

    /// The visible runs (the county's drafts too), newest first, optionally of one year and period.
    public static func list(
        year: Int?, period: Period?, limit: Int, offset: Int, on connection: Connection
    ) throws -> (items: [AssessmentRunRecord], total: Int) {
        func runs(_ select: String) -> Query {
            """
            SELECT \(unsafeSQL: select) FROM app.assessment_runs r
             WHERE (\(year)::int IS NULL OR r.year = \(year)) AND (\(period?.rawValue)::text IS NULL OR r.period = \(period?.rawValue))
            """
        }
        var page = runs(columns)
        page.append(" ORDER BY r.created_at DESC, r.id DESC LIMIT \(limit) OFFSET \(offset)")
        let rows = try connection.query(page)
        let total: Int = try connection.query(runs("count(*)::int AS n"))[0].decode("n")
        return (try rows.map(decode), total)
    }

    /// Whether `year` has at least one target above zero.
    public static func hasTargets(year: Int, on connection: Connection) throws -> Bool {
        try connection.query("SELECT exists (SELECT 1 FROM app.targets WHERE year = \(year) AND amount > 0) AS any")[0]
            .decode("any")
    }

    /// A visible run, or nil.
    public static func find(id: Int64, forUpdate: Bool = false, on connection: Connection) throws -> AssessmentRunRecord? {
        try connection.query("""
            SELECT \(unsafeSQL: columns) FROM app.assessment_runs r WHERE r.id = \(id)
            \(unsafeSQL: forUpdate ? "FOR UPDATE" : "")
            """).first.map(decode)
    }

    /// Publishes a done run; returns nil if no row changed (the caller may not write it).
    public static func publish(id: Int64, on connection: Connection) throws -> AssessmentRunRecord? {
        try connection.query("""
            UPDATE app.assessment_runs r SET status = 'published' WHERE r.id = \(id) AND r.status = 'done'
            RETURNING \(unsafeSQL: columns)
            """).first.map(decode)
    }

    /// The latest published run of `year` and `period` (the highest id, as `reporting.rankings`).
    public static func latestPublished(year: Int, period: Period, on connection: Connection) throws -> AssessmentRunRecord? {
        try connection.query("""
            SELECT \(unsafeSQL: columns) FROM app.assessment_runs r
             WHERE r.year = \(year) AND r.period = \(period.rawValue) AND r.status = 'published'
             ORDER BY r.id DESC LIMIT 1
            """).first.map(decode)
    }

    /// A run's results, group by group in ranking order, rebuilt from the stored exact figures.
    public static func results(runID: Int64, period: Period, on connection: Connection) throws -> RankingGroups {
        let indicatorRows = try connection.query("""
            SELECT i.agency_id, i.indicator, i.actual, i.target, i.ratio, i.points
              FROM app.assessment_indicator_results i WHERE i.run_id = \(runID)
            """)
        var lines: [Int64: [Indicator: IndicatorResult]] = [:]
        for row in indicatorRows.rows {
            let indicator: Indicator = try row.decode("indicator")
            let ratio: Decimal? = try row.decode("ratio")
            lines[try row.decode("agency_id"), default: [:]][indicator] = IndicatorResult(
                indicator: indicator, weight: 0, actual: try row.decode("actual"), annualTarget: nil,
                target: try row.decode("target"), applicable: ratio != nil, ratio: ratio, points: try row.decode("points"))
        }
        let rows = try connection.query("""
            SELECT ar.agency_id, a.code, a.name, ar.group_kind, ar.score, ar.rank, ar.provisional, ar.deduction,
                   ar.year_score, ar.quarter_scores, ar.commended, ar.accountable, ar.missed, ar.behind
              FROM app.assessment_results ar JOIN app.agencies a ON a.id = ar.agency_id
             WHERE ar.run_id = \(runID)
             ORDER BY ar.rank NULLS LAST, a.code
            """)
        let results = try rows.map { row -> AgencyResult in
            let id: Int64 = try row.decode("agency_id")
            let score: Decimal? = try row.decode("score")
            let quarters: [Decimal?]? = try row.decode("quarter_scores")
            let yearScore: Decimal? = try row.decode("year_score")
            let indicators = Indicator.allCases.map { indicator in
                lines[id]?[indicator] ?? IndicatorResult(
                    indicator: indicator, weight: 0, actual: 0, annualTarget: nil, target: nil,
                    applicable: false, ratio: nil, points: nil)
            }
            return AgencyResult(
                agency: AgencyRef(id: id, code: try row.decode("code"), name: try row.decode("name")),
                group: try row.decode("group_kind"), indicators: indicators, deduction: try row.decode("deduction"),
                periodScore: period.isQuarter ? score : yearScore,
                quarterScores: quarters.map { $0.map { QuarterScore(score: $0, provisional: false) } },
                score: score, provisional: try row.decode("provisional"), rank: try row.decode("rank"),
                commended: try row.decode("commended"), accountable: try row.decode("accountable"),
                missed: try codes(row.decode("missed")), behind: try codes(row.decode("behind")))
        }
        let outcome = AssessmentOutcome(
            year: 0, period: period,
            department: results.filter { $0.group == .department }, district: results.filter { $0.group == .district })
        return RankingGroups(outcome)
    }

    static func codes(_ texts: [String]) throws -> [Indicator] {
        try texts.map { text in
            guard let indicator = Indicator(rawValue: text) else {
                throw PostgresError(.decoding, reason: "unexpected indicator code in assessment results")
            }
            return indicator
        }
    }

    static func decode(_ row: Row) throws -> AssessmentRunRecord {
        AssessmentRunRecord(
            id: try row.decode("id"), year: try row.decode("year"), period: try row.decode("period"),
            status: try row.decode("status"), createdAt: try row.decode("created_at"),
            startedAt: try row.decode("started_at"), finishedAt: try row.decode("finished_at"),
            publishedAt: try row.decode("published_at"), error: try row.decode("error"))
    }
}
