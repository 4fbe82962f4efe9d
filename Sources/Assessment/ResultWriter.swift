import Campaign
import Foundation
import Postgres

/// Writes a run's outcome in two set-based statements (one per results table, each row list
/// sent as parallel arrays and expanded by `unnest`), then marks the run done with its inputs.
/// Call inside the transaction that locked the run (`RunClaims.lockOwned`).
public enum ResultWriter {
    public static func write(
        _ outcome: AssessmentOutcome, inputs: RunInputs, run: Int64, on connection: Connection
    ) throws {
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(inputs), as: UTF8.self)
        try connection.execute("""
            UPDATE app.assessment_runs
               SET status = 'done', finished_at = now(), lease_expires_at = NULL, inputs = \(json)::jsonb
             WHERE id = \(run)
            """)
    }

    /// A one-dimensional array literal for a text element that is cast to an array later.
    static func arrayLiteral<T: PostgresEncodable>(_ values: [T]) -> String {
        values.postgresText ?? "{}"
    }
}
