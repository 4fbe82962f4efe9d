import Campaign
import Foundation
import Postgres

/// The monthly-report import: rows are copied into a temporary table, checked against the
/// reports in one statement, then merged in one statement, all under the caller's row-level
/// security in the caller's transaction.
public enum MonthlyReportImportQueries {
    /// One sheet row, validated.
    public struct Row: Sendable {
        public var row: Int
        public var code: String
        public var fields: MonthlyReportFields
        /// The report's version the sheet was filled against; nil for a new report.
        public var version: Int?

        public init(row: Int, code: String, fields: MonthlyReportFields, version: Int?) {
            self.row = row
            self.code = code
            self.fields = fields
            self.version = version
        }
    }

    /// Why a row cannot be written.
    public enum Verdict: String, Sendable {
        /// No visible project has the code.
        case unknownCode = "unknown_code"
        /// The project is visible but the caller may not report for it.
        case notWritable = "not_writable"
        /// A report exists and the row names no version.
        case versionMissing = "version_missing"
        /// The row's version is not the report's current one.
        case stale
        /// The row names a version but there is no report.
        case noReport = "no_report"
        /// The report is approved and locked for the caller (`app.report_locked`, 0097).
        case locked
        /// An earlier row names the same project (one by its 项目编号, one by its 项目代码).
        case duplicate
    }

    /// A row that cannot be written, with the report's current version when there is one.
    public struct Rejection: Sendable, Equatable {
        public var row: Int
        public var verdict: Verdict
        public var currentVersion: Int?
    }

    /// Creates the temporary table and copies `rows` into it.
    public static func stage(_ rows: [Row], on connection: Connection) throws {
        try connection.execute("""
            CREATE TEMPORARY TABLE import_reports (
                row integer PRIMARY KEY, code text NOT NULL, amount numeric(16,2) NOT NULL,
                progress text NOT NULL, problems text NOT NULL, explanation text NOT NULL, version integer
            ) ON COMMIT DROP
            """)
        try connection.copyIn("COPY pg_temp.import_reports (row, code, amount, progress, problems, explanation, version) FROM STDIN") { line in
            for row in rows {
                try line([String(row.row), .copyField(row.code), "\(row.fields.investmentCompleted)", .copyField(row.fields.progress),
                          .copyField(row.fields.problems), .copyField(row.fields.explanation),
                          .copyField(row.version.map(String.init))].joined(separator: "\t"))
            }
        }
    }

    /// Rows that name their project by its national code (项目代码) name it by its code (项目编号)
    /// from here on; a code that no visible project has is left for `check` to refuse.
    public static func resolveNationalCodes(on connection: Connection) throws {
        try connection.execute("""
            UPDATE pg_temp.import_reports i SET code = p.code
              FROM app.projects p
             WHERE p.national_code = i.code
            """)
    }

    /// Checks every staged row in one statement, locking the projects it will write (the lock
    /// applies the projects' update policy: what the caller may not write is not returned) and
    /// their reports. Rows whose values equal the report's are unchanged whatever their version.
    /// `planned` holds the planned amount for the month of each row that will be written (created
    /// or replaced, for projects with a plan), for the caller to ask `ExplanationRule`: a row sent
    /// back unchanged is never refused for an older figure's missing explanation.
    public static func check(month: Month, on connection: Connection) throws -> Check {
        let rows = try connection.query("""
            SELECT i.row, r.version AS current_version, pl.monthly[\(month.month)::int] AS planned,
                   CASE WHEN v.id IS NULL THEN 'unknown_code'
                        WHEN EXISTS (SELECT 1 FROM pg_temp.import_reports o WHERE o.code = i.code AND o.row < i.row) THEN 'duplicate'
                        -- a row the caller may not write is refused even when it would change nothing
                        WHEN w.id IS NULL THEN 'not_writable'
                        WHEN r.id IS NOT NULL AND (r.investment_completed, r.progress, r.problems, r.explanation)
                                                   = (i.amount, i.progress, i.problems, i.explanation)
                             THEN 'unchanged'
                        WHEN app.report_locked(r.status) THEN 'locked'
                        WHEN r.id IS NULL AND i.version IS NOT NULL THEN 'no_report'
                        WHEN r.id IS NULL THEN 'create'
                        WHEN i.version IS NULL THEN 'version_missing'
                        WHEN i.version <> r.version THEN 'stale'
                        ELSE 'replace' END AS verdict
              FROM pg_temp.import_reports i
              LEFT JOIN app.projects v ON v.code = i.code
              LEFT JOIN LATERAL (SELECT p.id FROM app.projects p WHERE p.id = v.id FOR KEY SHARE) w ON true
              LEFT JOIN LATERAL (SELECT m.id, m.version, m.status, m.investment_completed, m.progress, m.problems, m.explanation
                                   FROM app.monthly_reports m WHERE m.project_id = v.id AND m.month = \(month)) r ON true
              LEFT JOIN app.investment_plans pl ON pl.project_id = v.id AND pl.year = \(month.year)
             ORDER BY i.row
            """)
        var rejections: [Rejection] = []
        var counts: [String: Int] = [:]
        var planned: [Int: Decimal] = [:]
        for row in rows.rows {
            let verdict: String = try row.decode("verdict")
            // only rows that write are asked for 情况说明: sending a report back unchanged is no new figure
            if verdict == "create" || verdict == "replace", let plan: Decimal = try row.decode("planned") {
                planned[try row.decode("row")] = plan
            }
            if let rejected = Verdict(rawValue: verdict) {
                rejections.append(Rejection(row: try row.decode("row"), verdict: rejected, currentVersion: try row.decode("current_version")))
            } else {
                counts[verdict, default: 0] += 1
            }
        }
        return Check(rejections: rejections, planned: planned, created: counts["create"] ?? 0, replaced: counts["replace"] ?? 0,
                     unchanged: counts["unchanged"] ?? 0)
    }

    /// What `check` found: the rows that cannot be written, the planned amount for the month of
    /// each row that will be written (where its project has a plan), and how many rows create,
    /// replace or change nothing.
    public struct Check: Sendable {
        public var rejections: [Rejection]
        public var planned: [Int: Decimal]
        public var created: Int
        public var replaced: Int
        public var unchanged: Int
    }

    /// Writes the checked rows in one MERGE: new reports are created, changed ones replaced at
    /// the version the sheet named (resubmitted by the caller), equal ones left alone. Returns
    /// the rows written.
    public static func merge(month: Month, on connection: Connection) throws -> Int {
        try connection.execute("""
            MERGE INTO app.monthly_reports r
            USING (SELECT p.id AS project_id, i.* FROM pg_temp.import_reports i JOIN app.projects p ON p.code = i.code) s
               ON r.project_id = s.project_id AND r.month = \(month)
             WHEN MATCHED AND r.version = s.version
                  AND (r.investment_completed, r.progress, r.problems, r.explanation)
                      IS DISTINCT FROM (s.amount, s.progress, s.problems, s.explanation) THEN
                  UPDATE SET investment_completed = s.amount, progress = s.progress, problems = s.problems, explanation = s.explanation,
                             submitted_at = now(), submitted_by = app.current_user_id(), import_row = s.row
             WHEN NOT MATCHED THEN
                  INSERT (project_id, month, investment_completed, progress, problems, explanation, import_row)
                  VALUES (s.project_id, \(month), s.amount, s.progress, s.problems, s.explanation, s.row)
            """)
    }

    /// For the template: every visible project the caller may report for, by code, with the
    /// month's report when there is one (amount, progress, problems, version).
    public static func template(month: Month) -> Export {
        let columns: [ExportColumn] = [
            .init(Header.code, .text, "p.code"),
            .init(Header.name, .text, "p.name"),
            .init(Header.amount, .money, "r.investment_completed"),
            .init(Header.progress, .text, "r.progress"),
            .init(Header.problems, .text, "r.problems"),
            .init(Header.version, .integer, "r.version"),
            .init(Header.explanation, .text, "r.explanation"),
        ]
        let from: Query = """
              FROM (SELECT p.id, p.code, p.name FROM app.projects p
                     WHERE p.stage NOT IN ('cancelled') FOR KEY SHARE) p
              LEFT JOIN app.monthly_reports r ON r.project_id = p.id AND r.month = \(month)
             ORDER BY p.code
            """
        return Export(name: ImportKind.monthlyReports.chineseLabel + "模板-" + Export.title(of: month), dated: false, sheets: [Export.Sheet(name: "\(month)月报", columns: columns, from: from)])
    }

    /// The template's headers, which the import reads: the key column is the project code
    /// (项目编号, CONSOLE.md's word); it also takes the national code (项目代码) and is found
    /// under either header.
    public enum Header {
        public static let code = "项目编号"
        public static let name = "项目名称"
        public static let amount = "本月完成投资(万元)"
        public static let progress = "形象进度"
        public static let problems = "存在问题"
        public static let explanation = "情况说明"
        public static let version = "版本"
    }
}
