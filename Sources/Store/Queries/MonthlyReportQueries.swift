import Campaign
import Foundation
import Postgres

/// Monthly reports of a project, under the caller's row-level security.
public enum MonthlyReportQueries {
    static let selectColumns = """
        r.id, r.project_id, r.month, r.investment_completed, r.progress, r.problems, r.explanation, r.submitted_at,
               r.submitted_by, n.display_name AS submitted_by_name, r.version, r.status, r.first_submitted_at,
               r.review_comment, r.reviewed_by, v.display_name AS reviewed_by_name, r.reviewed_at
        """
    /// The names of the submitter (`n`) and the reviewer (`v`) of report `r`.
    static let displayNameJoins = """
          LEFT JOIN app.user_display_names(ARRAY[r.submitted_by]) n ON true
          LEFT JOIN app.user_display_names(ARRAY[r.reviewed_by]) v ON true
        """
    static let fromClause = "FROM app.monthly_reports r\n" + displayNameJoins
    static let select = "SELECT \(selectColumns) \(fromClause)"

    /// The project's reports, month ascending, and how many there are.
    public static func list(projectID: Int64, limit: Int, offset: Int, on connection: Connection) throws -> (items: [MonthlyReportRecord], total: Int) {
        let rows = try connection.query("""
            \(unsafeSQL: select) WHERE r.project_id = \(projectID) ORDER BY r.month LIMIT \(limit) OFFSET \(offset)
            """)
        let total: Int = try connection.query(
            "SELECT count(*)::int AS n FROM app.monthly_reports WHERE project_id = \(projectID)"
        )[0].decode("n")
        return (try rows.map(decode), total)
    }

    public static func find(projectID: Int64, month: Month, on connection: Connection) throws -> MonthlyReportRecord? {
        try connection.query(findQuery(projectID: projectID, month: month)).first.map(decode)
    }

    static func findQuery(projectID: Int64, month: Month) -> Query {
        "\(unsafeSQL: select) WHERE r.project_id = \(projectID) AND r.month = \(month)"
    }

    /// What a write of a month's report did, and the report as the same pipeline read it back.
    public struct Write: Sendable {
        /// Whether the statement wrote the row (false: a concurrent transaction created it first,
        /// or the version no longer matched).
        public var written: Bool
        /// The report after the statement: the one written, or the one that won.
        public var current: MonthlyReportRecord?

        /// The report written, or nil when the write did not happen.
        public var record: MonthlyReportRecord? { written ? current : nil }
    }

    /// Creates the month's report, submitted now by the caller; not written when a concurrent
    /// transaction created it first (the insert waits for that one to commit, then finds it).
    /// The insert and the read-back go out in one pipeline (one round trip), so the report is
    /// known either way and no statement has to follow (`Connection.commitWithNextStatement`).
    public static func insert(projectID: Int64, month: Month, _ fields: MonthlyReportFields, on connection: Connection) throws -> Write {
        let results = try connection.pipeline([
            """
            INSERT INTO app.monthly_reports (project_id, month, investment_completed, progress, problems, explanation)
            VALUES (\(projectID), \(month), \(fields.investmentCompleted), \(fields.progress), \(fields.problems),
                    \(fields.explanation))
            ON CONFLICT (project_id, month) DO NOTHING
            """,
            findQuery(projectID: projectID, month: month),
        ])
        let write = Write(written: results[0].affectedRows == 1, current: try results[1].first.map(decode))
        if write.written, write.current == nil {
            throw PostgresError(.decoding, reason: "the new monthly report is not visible")
        }
        return write
    }

    /// Records a reviewer's decision if the report is still at `version`; nil when no row changed.
    /// The trigger `monthly_reports_review` checks the transition and stamps the reviewer.
    public static func review(
        projectID: Int64, month: Month, version: Int, decision: ReviewDecision, comment: String?, on connection: Connection
    ) throws -> MonthlyReportRecord? {
        let changed = try connection.execute("""
            UPDATE app.monthly_reports SET status = \(decision.to.rawValue), review_comment = \(comment)
             WHERE project_id = \(projectID) AND month = \(month) AND version = \(version)
            """)
        return changed == 0 ? nil : try find(projectID: projectID, month: month, on: connection)
    }

    /// Replaces the month's report if still at `version`, resubmitted now by the caller; not
    /// written when no row changed. The update and the read-back go out in one pipeline.
    public static func replace(
        projectID: Int64, month: Month, version: Int, _ fields: MonthlyReportFields, on connection: Connection
    ) throws -> Write {
        let results = try connection.pipeline([
            """
            UPDATE app.monthly_reports SET investment_completed = \(fields.investmentCompleted),
                   progress = \(fields.progress), problems = \(fields.problems), explanation = \(fields.explanation),
                   submitted_at = now(), submitted_by = app.current_user_id()
             WHERE project_id = \(projectID) AND month = \(month) AND version = \(version)
            """,
            findQuery(projectID: projectID, month: month),
        ])
        return Write(written: results[0].affectedRows != 0, current: try results[1].first.map(decode))
    }

    static func decode(_ row: Row) throws -> MonthlyReportRecord {
        MonthlyReportRecord(
            id: try row.decode("id"), projectID: try row.decode("project_id"), month: try row.decode("month"),
            fields: MonthlyReportFields(
                investmentCompleted: try row.decode("investment_completed"), progress: try row.decode("progress"),
                problems: try row.decode("problems"), explanation: try row.decode("explanation")
            ),
            submittedAt: try row.decode("submitted_at"),
            submittedBy: try UserReference.decode(row, idColumn: "submitted_by", nameColumn: "submitted_by_name"),
            review: MonthlyReportRecord.Review(
                status: try row.decode("status"), firstSubmittedAt: try row.decode("first_submitted_at"),
                comment: try row.decode("review_comment"),
                reviewedBy: try UserReference.decode(row, idColumn: "reviewed_by", nameColumn: "reviewed_by_name"),
                reviewedAt: try row.decode("reviewed_at")),
            version: try row.decode("version")
        )
    }
}
