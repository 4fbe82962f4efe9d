import Campaign
import Foundation
import Postgres

/// What the worker reads of earlier runs and writes of its own: published quarter scores, and a
/// run's outcome in two set-based statements (one per results table, each row list sent as
/// parallel arrays and expanded by `unnest`).
public enum AssessmentResultQueries {
    /// The latest published run of each quarter of `year` (by period) and every agency's score in
    /// those runs (by run, then agency; a nil score is an agency the rules did not score).
    public static func publishedQuarterScores(
        year: Int, on connection: Connection
    ) throws -> (runs: [String: Int64], scores: [Int64: [Int64: Decimal?]]) {
        let published = try connection.query("""
            SELECT DISTINCT ON (r.period) r.period, r.id
              FROM app.assessment_runs r
             WHERE r.year = \(year) AND r.status = 'published' AND r.period <> 'year'
             ORDER BY r.period, r.id DESC
            """)
        var runs: [String: Int64] = [:]
        for row in published.rows { runs[try row.decode("period")] = try row.decode("id") }
        var scores: [Int64: [Int64: Decimal?]] = [:]
        guard !runs.isEmpty else { return (runs, scores) }
        let rows = try connection.query("""
            SELECT run_id, agency_id, score FROM app.assessment_results WHERE run_id = ANY(\(Array(runs.values))::bigint[])
            """)
        for row in rows.rows {
            let (run, agency): (Int64, Int64) = (try row.decode("run_id"), try row.decode("agency_id"))
            let score: Decimal? = try row.decode("score")
            scores[run, default: [:]][agency] = .some(score)
        }
        return (runs, scores)
    }

    /// Replaces `run`'s results with `outcome` and marks it done with its inputs (JSON), finished
    /// at the clock's time once they are written (not the transaction's start). Call inside the
    /// transaction that locked the run (`RunClaimQueries.lockOwned`).
    public static func record(_ outcome: AssessmentOutcome, inputsJSON: String, run: Int64, on connection: Connection) throws {
        let results = outcome.department + outcome.district
        try connection.execute("DELETE FROM app.assessment_indicator_results WHERE run_id = \(run)")
        try connection.execute("DELETE FROM app.assessment_results WHERE run_id = \(run)")
        try connection.execute("""
            INSERT INTO app.assessment_results
                   (run_id, agency_id, group_kind, score, score_rounded, rank, provisional, deduction,
                    year_score, quarter_scores, commended, accountable, missed, behind)
            SELECT \(run), u.agency_id, u.group_kind, u.score, u.score_rounded, u.rank, u.provisional, u.deduction,
                   u.year_score, u.quarter_scores::numeric[], u.commended, u.accountable, u.missed::text[], u.behind::text[]
              FROM unnest(\(results.map(\.agency.id))::bigint[], \(results.map(\.group.rawValue))::text[],
                          \(results.map(\.score))::numeric[], \(results.map(\.roundedScore))::numeric[],
                          \(results.map(\.rank))::integer[], \(results.map(\.provisional))::boolean[],
                          \(results.map(\.deduction))::numeric[],
                          \(results.map { $0.quarterScores == nil ? nil : $0.periodScore })::numeric[],
                          \(results.map { $0.quarterScores.map { arrayLiteral($0.map(\.score)) } })::text[],
                          \(results.map(\.commended))::boolean[], \(results.map(\.accountable))::boolean[],
                          \(results.map { arrayLiteral($0.missed.map(\.rawValue)) })::text[],
                          \(results.map { arrayLiteral($0.behind.map(\.rawValue)) })::text[])
                   AS u (agency_id, group_kind, score, score_rounded, rank, provisional, deduction,
                         year_score, quarter_scores, commended, accountable, missed, behind)
            """)
        let lines = results.flatMap { result in result.indicators.map { (result.agency.id, $0) } }
        try connection.execute("""
            INSERT INTO app.assessment_indicator_results (run_id, agency_id, indicator, actual, target, ratio, points)
            SELECT \(run), u.agency_id, u.indicator, u.actual, u.target, u.ratio, u.points
              FROM unnest(\(lines.map { $0.0 })::bigint[], \(lines.map { $0.1.indicator.rawValue })::text[],
                          \(lines.map { $0.1.actual })::numeric[], \(lines.map { $0.1.target })::numeric[],
                          \(lines.map { $0.1.ratio })::numeric[], \(lines.map { $0.1.points })::numeric[])
                   AS u (agency_id, indicator, actual, target, ratio, points)
            """)
        try connection.execute("""
            UPDATE app.assessment_runs
               SET status = 'done', finished_at = clock_timestamp(), lease_expires_at = NULL, inputs = \(inputsJSON)::jsonb
             WHERE id = \(run)
            """)
    }

    /// A one-dimensional array literal for a text element that is cast to an array later.
    static func arrayLiteral<T: PostgresEncodable>(_ values: [T]) -> String {
        values.postgresText ?? "{}"
    }
}
