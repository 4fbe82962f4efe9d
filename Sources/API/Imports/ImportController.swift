import Campaign
import Foundation
import Hummingbird
import NIOPosix
import Spreadsheet
import Store

/// `/imports`: the monthly-report template and upload, the projects upload, and the record of
/// each import. An upload is checked whole and applied whole in one transaction, or not at all.
struct ImportController: APIController {
    let database: Database
    let clock: CampaignClock
    let gate: ImportGate
    /// Spreadsheets are parsed on a thread of their own, apart from password hashing.
    static let parsing: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()
    /// When a figure needs 情况说明: the same rule as the API's (`ReportBody.checkExplanation`).
    let explanationRule: ExplanationRule

    var routes: [APIRoute] {
        [
            APIRoute(.get, "imports/monthly-reports/template", .editor, "The month's report template (.xlsx): one row per project the caller may report", template)
                .documented(response: .string(format: "binary")).downloadable(fileOnly: true)
                .query(.init("month", .month, required: true, "the month (YYYY-MM)")),
            APIRoute(.post, "imports/monthly-reports", .editor, "Import a month's reports from the filled template (.xlsx or CSV, at most 20 MiB; dry_run=true checks only)", monthlyReports)
                .documented(response: .ref("ImportSummary")).uploading()
                .query(.init("month", .month, required: true, "the month the reports are for (YYYY-MM; begun)")),
            APIRoute(.post, "imports/projects", .editor, "Create or update projects by 项目编号 from a sheet like the projects download (dry_run=true checks only)", projects)
                .documented(response: .ref("ImportSummary")).uploading(),
            APIRoute(.get, "imports", .signedIn, "Recorded imports the caller may see (the county: all; others: their agency's), newest first", list)
                .documented(response: .page(of: .ref("Import"))).downloadable(),
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
        try Preconditions.begun(month, clock: clock)
        let errorSheet = try ErrorSheet.requested(request) ? ImportKind.monthlyReports.chineseLabel + "错误说明-" + Export.title(of: month) : nil
        let dryRun = try Self.dryRun(request) || errorSheet != nil
        return try await gate.run {
            try await monthlyReports(request, context: context, month: month, dryRun: dryRun, errorSheet: errorSheet)
        }
    }

    private func monthlyReports(
        _ request: Request, context: AuthenticatedContext, month: Month, dryRun: Bool, errorSheet: String?
    ) async throws -> Response {
        let upload = try await Upload.read(request)
        let ((rows, invalid), encoding) = try await Self.parse(upload) { try MonthlyReportSheet.rows($0) }
        return try await Self.answer(upload, encoding: encoding, errorSheet: errorSheet, context: context) {
            try await ImportTransaction.run(dryRun: dryRun, database: database, caller: context.caller) { connection in
                try MonthlyReportImportQueries.stage(rows, on: connection)
                try MonthlyReportImportQueries.resolveNationalCodes(on: connection)
                let checked = try MonthlyReportImportQueries.check(month: month, on: connection)
                let rowsByNumber = Dictionary(uniqueKeysWithValues: rows.map { ($0.row, $0) })
                let unexplained = rows.compactMap { row in Self.unexplained(row, plan: checked.planned[row.row], rule: explanationRule) }
                let errors = invalid + checked.rejections.map { Self.error($0, code: rowsByNumber[$0.row]?.code ?? "") } + unexplained
                if !errors.isEmpty {
                    var problem = Problem.sheet(errors)
                    if let first = unexplained.first { problem.message = first.message }
                    throw problem
                }
                var summary = ImportQueries.Summary(rows: rows.count, created: checked.created, replaced: checked.replaced, unchanged: checked.unchanged)
                summary.importID = try ImportQueries.record(kind: .monthlyReports, month: month, upload: upload.record, summary: summary, on: connection)
                let written = try MonthlyReportImportQueries.merge(month: month, on: connection)
                guard written == summary.created + summary.replaced else {
                    throw Problem(.conflict, .importReportsChanged)
                }
                return summary
            }
        }
    }

    @Sendable func projects(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let errorSheet = try ErrorSheet.requested(request) ? ImportKind.projects.chineseLabel + "错误说明-" + DownloadResponse.today() : nil
        let dryRun = try Self.dryRun(request) || errorSheet != nil
        return try await gate.run { try await projects(request, context: context, dryRun: dryRun, errorSheet: errorSheet) }
    }

    private func projects(_ request: Request, context: AuthenticatedContext, dryRun: Bool, errorSheet: String?) async throws -> Response {
        let upload = try await Upload.read(request)
        let names = try await database.transaction(as: context.caller) { try ProjectImportQueries.names(on: $0) }
        let ((rows, invalid), encoding) = try await Self.parse(upload) { try ProjectSheet.rows($0, names: names) }
        let isCounty = context.caller.agencyKind == .county
        return try await Self.answer(upload, encoding: encoding, errorSheet: errorSheet, context: context) {
            try await ImportTransaction.run(dryRun: dryRun, database: database, caller: context.caller) { connection in
                try ProjectImportQueries.stage(rows, on: connection)
                let checked = try ProjectImportQueries.check(on: connection)
                var errors = invalid + checked.rejections.map { Self.error($0.verdict, row: $0.row, current: $0.currentVersion) }
                for row in rows {
                    guard let from = checked.currentStages[row.row],
                          let problem = Stage.transitionProblem(from: from, to: row.fields.stage, actorIsCounty: isCounty) else { continue }
                    errors.append(SheetError(row: row.row, column: Export.ProjectHeader.stage, message: problem))
                }
                if !errors.isEmpty { throw Problem.sheet(errors) }
                var summary = ImportQueries.Summary(rows: rows.count, created: checked.created, replaced: checked.replaced, unchanged: checked.unchanged)
                summary.importID = try ImportQueries.record(kind: .projects, month: nil, upload: upload.record, summary: summary, on: connection)
                guard try ProjectImportQueries.merge(on: connection) == summary.created + summary.replaced else {
                    throw Problem(.conflict, .importProjectsChanged)
                }
                return summary
            }
        }
    }

    static func error(_ verdict: ProjectImportQueries.Verdict, row: Int, current: Int?) -> SheetError {
        typealias H = Export.ProjectHeader
        let version = ["current": current.map(String.init) ?? "—"]
        return switch verdict {
        case .codeTaken: SheetError(row: row, column: H.code, message: Message(.codeOfHiddenProject))
        case .notWritable: SheetError(row: row, column: H.district, message: Message(.districtNotWritable))
        case .versionMissing: SheetError(row: row, column: H.version, message: Message(.projectVersionMissing, version))
        case .stale: SheetError(row: row, column: H.version, message: Message(.projectStale, version))
        case .movesDistrict: SheetError(row: row, column: H.district, message: Message(.projectMovesDistrict))
        case .noProject: SheetError(row: row, column: H.version, message: Message(.noProjectYet))
        }
    }

    /// The summary of `work`; with `errorSheet` (`format=xlsx`, the work a dry run) the uploaded
    /// sheet annotated with its errors, named `errorSheet` (`ErrorSheet`).
    static func answer(
        _ upload: Upload, encoding: TextEncoding?, errorSheet: String?, context: AuthenticatedContext,
        _ work: () async throws -> ImportQueries.Summary
    ) async throws -> Response {
        var summary: ImportQueries.Summary
        do {
            summary = try await work()
        } catch let problem as Problem where errorSheet != nil && !problem.sheetErrors.isEmpty {
            return try await ErrorSheet.response(upload, errors: problem.sheetErrors, named: errorSheet ?? "", context: context)
        }
        if let errorSheet { return try await ErrorSheet.response(upload, errors: [], named: errorSheet, context: context) }
        summary.encoding = encoding?.rawValue
        return try JSONResponse.make(summary)
    }

    /// The sheet's rows read on the parsing thread (never on an event loop, apart from password
    /// hashing), then `validate`d; with
    /// the encoding a CSV file was read in.
    static func parse<T: Sendable>(
        _ upload: Upload, _ validate: @escaping @Sendable ([SheetRow]) throws -> T
    ) async throws -> (T, TextEncoding?) {
        try await parsing.runIfActive {
            let read: (rows: [SheetRow], encoding: TextEncoding?)
            do throws(SpreadsheetReadError) { read = try UploadedSheet.read(upload.data) } catch { throw Problem.unreadable(error) }
            return (try validate(read.rows), read.encoding)
        }
    }

    static func error(_ rejection: MonthlyReportImportQueries.Rejection, code: String) -> SheetError {
        typealias Header = MonthlyReportImportQueries.Header
        let current = ["current": rejection.currentVersion.map(String.init) ?? "—"]
        let (column, message): (String, Message) = switch rejection.verdict {
        case .unknownCode: (Header.code, Message(.unknownProjectCode, ["code": code]))
        case .notWritable: (Header.code, Message(.projectNotWritable, ["code": code]))
        case .versionMissing: (Header.version, Message(.reportVersionMissing, current))
        case .stale: (Header.version, Message(.reportStale, current))
        case .noReport: (Header.version, Message(.noReportYet))
        case .duplicate: (Header.code, Message(.duplicateProjectRow, ["code": code]))
        case .locked: (Header.amount, Message(.reportLocked))
        }
        return SheetError(row: rejection.row, column: column, message: message)
    }

    /// The 情况说明 error of a row whose figure is unusual against its month's `plan` and that
    /// carries no explanation, or nil.
    static func unexplained(_ row: MonthlyReportImportQueries.Row, plan: Decimal?, rule: ExplanationRule) -> SheetError? {
        guard rule.refuses(amount: row.fields.investmentCompleted, plan: plan, explanation: row.fields.explanation), let plan else { return nil }
        return SheetError(row: row.row, column: MonthlyReportImportQueries.Header.explanation,
                          message: rule.message(amount: row.fields.investmentCompleted, plan: plan))
    }

    /// The required `month` of the query string.
    static func month(_ request: Request) throws -> Month {
        var query = Parameters(query: request)
        guard let month = query.month(required: true) else { throw Problem.invalid(query.validator.errors) }
        return month
    }

    /// `dry_run=true` checks only.
    static func dryRun(_ request: Request) throws -> Bool {
        var query = Parameters(query: request)
        let dryRun = query.bool("dry_run")
        try query.check()
        return dryRun ?? false
    }
}
