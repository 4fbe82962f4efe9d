import Campaign
import Hummingbird
import NIOPosix
import Spreadsheet
import Store

/// `/imports`: the monthly-report template and upload, the projects upload, and the record of
/// each import. An upload is checked whole and applied whole in one transaction, or not at all.
struct ImportController: APIController {
    let database: Database

    var routes: [APIRoute] {
        [
            APIRoute(.get, "imports/monthly-reports/template", .editor, "The month's report template (.xlsx): one row per project the caller may report", template)
                .documented(response: .string(format: "binary")).downloadable(fileOnly: true),
            APIRoute(.post, "imports/monthly-reports", .editor, "Import a month's reports from the filled template (.xlsx or CSV, at most 20 MiB; dry_run=true checks only)", monthlyReports)
                .documented(response: .ref("ImportSummary")).uploading(),
            APIRoute(.get, "imports/:id", .signedIn, "A recorded import: who, when, which file (SHA-256), what it did", show)
                .documented(response: .ref("Import")),
        ]
    }

    @Sendable func template(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let month = try Self.month(request)
        let format = try DownloadRequest.format(request) ?? .xlsx
        return try await DownloadResponse.make(MonthlyReportImportQueries.template(month: month), format: format, database: database, context: context)
    }

    @Sendable func monthlyReports(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let month = try Self.month(request)
        let dryRun = try Self.dryRun(request)
        let upload = try await Upload.read(request)
        let rows = try await Self.parse(upload) { try MonthlyReportSheet.rows($0) }
        let summary = try await ImportTransaction.run(dryRun: dryRun, database: database, caller: context.caller) { connection in
            try MonthlyReportImportQueries.stage(rows, on: connection)
            let checked = try MonthlyReportImportQueries.check(month: month, on: connection)
            let rowsByNumber = Dictionary(uniqueKeysWithValues: rows.map { ($0.row, $0) })
            if !checked.rejections.isEmpty {
                throw Problem.sheet(checked.rejections.map { Self.error($0, code: rowsByNumber[$0.row]?.code ?? "") })
            }
            var summary = ImportQueries.Summary(rows: rows.count, created: checked.created, replaced: checked.replaced, unchanged: checked.unchanged)
            summary.importID = try ImportQueries.record(kind: "monthly_reports", month: month, upload: upload.record, summary: summary, on: connection)
            let written = try MonthlyReportImportQueries.merge(month: month, on: connection)
            guard written == summary.created + summary.replaced else {
                throw Problem(.conflict, detail: "reports changed while the file was imported; nothing was imported: download the template again")
            }
            return summary
        }
        return try JSONResponse.make(summary)
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Preconditions.pathID("id", in: context)
        guard let record = try await database.transaction(as: context.caller, { try ImportQueries.find(id: id, on: $0) }) else {
            throw Problem.notFound("import \(id)")
        }
        return try JSONResponse.make(record)
    }

    /// The sheet's rows read on a thread pool (never on an event loop), then `validate`d.
    static func parse<T: Sendable>(_ upload: Upload, _ validate: @escaping @Sendable ([SheetRow]) throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive {
            let rows: [SheetRow]
            do throws(SpreadsheetReadError) { rows = try UploadedSheet.rows(of: upload.data) } catch { throw Problem.unreadable(error) }
            return try validate(rows)
        }
    }

    static func error(_ rejection: MonthlyReportImportQueries.Rejection, code: String) -> SheetError {
        typealias Header = MonthlyReportImportQueries.Header
        let current = rejection.currentVersion.map(String.init) ?? "none"
        return switch rejection.verdict {
        case .unknownCode: SheetError(row: rejection.row, column: Header.code, message: "unknown code \(code): no project with this code that you can see")
        case .notWritable: SheetError(row: rejection.row, column: Header.code, message: "you may not report for project \(code)")
        case .versionMissing: SheetError(row: rejection.row, column: Header.version, message: "the month already has a report (version \(current)): download the template again, or fill in its version")
        case .stale: SheetError(row: rejection.row, column: Header.version, message: "the report was changed since this version (now \(current)): download the template again")
        case .noReport: SheetError(row: rejection.row, column: Header.version, message: "there is no report for this month yet: leave 版本 empty")
        }
    }

    static func month(_ request: Request) throws -> Month {
        var validator = Validator()
        guard let month = validator.month(request.uri.queryParameters["month"].map(String.init), field: "month") else {
            throw Problem.invalid(validator.errors)
        }
        return month
    }

    static func dryRun(_ request: Request) throws -> Bool {
        switch request.uri.queryParameters["dry_run"] {
        case nil, "false": return false
        case "true": return true
        default: throw Problem.invalid([FieldError(field: "dry_run", message: "must be true or false")])
        }
    }
}
