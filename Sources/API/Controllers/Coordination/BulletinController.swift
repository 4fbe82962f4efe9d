import Campaign
import Foundation
import Hummingbird
import Postgres
import Store

/// `/bulletins`: monthly and assessment bulletins (通报). A draft's figures are computed from the
/// data as of its cut-off and recorded with it; county editors edit its editorial text and issue
/// it with the next number of the year; an issued bulletin never changes and everyone sees it.
struct BulletinController: APIController {
    let database: Database
    let behindBelow: Decimal
    let defaultScheme: AssessmentScheme
    let clock: CampaignClock

    var routes: [APIRoute] {
        [
            APIRoute(.post, "bulletins", .countyEditor, "Draft a monthly or assessment bulletin with its figures as of the cut-off", create)
                .documented(request: .ref("BulletinInput"), response: .ref("Bulletin"), status: 201),
            APIRoute(.get, "bulletins", .signedIn, "The visible bulletins (county: all; others: issued), newest first", list)
                .documented(response: .page(of: .ref("BulletinSummary"))).downloadable(),
            APIRoute(.get, "bulletins/:id", .signedIn, "One bulletin with its figures; format=docx: the Word document", show)
                .documented(response: .ref("Bulletin")).alsoAnswering(files: [WordDocument.mediaType])
                .query(MeetingController.docxFormat),
            APIRoute(.patch, "bulletins/:id", .countyEditor, "Edit a draft's editorial text (If-Match; issued → 409)", edit)
                .documented(request: .ref("BulletinPatch"), response: .ref("Bulletin")),
            APIRoute(.post, "bulletins/:id/issue", .countyEditor, "Issue the draft with the next number of the year (If-Match)", issue)
                .documented(response: .ref("Bulletin")).requiringIfMatch(),
        ]
    }

    static let issued = Problem(.conflict, .bulletinIssued)

    /// 404 unless the caller sees the bulletin, 409 once it is issued, 412 unless `expected` is
    /// its version.
    static func requireDraft(_ id: Int64, at expected: Int, on connection: Connection) throws {
        guard let state = try BulletinQueries.state(id: id, on: connection) else { throw Problem.notFound("bulletin \(id)") }
        guard state.draft else { throw issued }
        guard state.version == expected else { throw Preconditions.stale(current: state.version) }
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let kind: BulletinKind? = body.choice("kind")
        var month: Month?
        var runID: Int64?
        switch kind {
        case .monthly:
            let text = body.rawString("month")
            month = text.flatMap(Month.init)
            if month == nil { body.validator.add("month", .requiredMonth) }
        case .assessment:
            runID = body.id("run_id")
        case nil:
            break
        }
        try body.finish()
        let (subjectMonth, subjectRun) = (month, runID)
        let today = clock.today
        let (behindBelow, fallback) = (behindBelow, defaultScheme)
        let bulletin = try await database.transaction(as: context.caller) { connection -> StoredJSON in
            let draft: BulletinQueries.Draft
            if let month = subjectMonth {
                guard month.lastDay < today else {
                    throw Problem.invalid([FieldError(field: "month", .monthNotEnded, ["month": Wording.month(month), "month_code": "\(month)"])])
                }
                let deadline = try SchemeQueries.find(year: month.next.year, on: connection)?.scheme.reportDeadlineDay ?? fallback.reportDeadlineDay
                let figures = try BulletinFigureQueries.monthly(
                    .init(month: month, behindBelow: behindBelow, deadlineDay: deadline), on: connection)
                draft = BulletinText.monthly(month: month, figures: figures)
            } else {
                guard let runID = subjectRun, let run = try AssessmentRunQueries.find(id: runID, on: connection), run.status == .published else {
                    throw Problem.invalid([FieldError(field: "run_id", .runNotPublished)])
                }
                let figures = try BulletinFigureQueries.assessment(runID: runID, on: connection)
                draft = BulletinText.assessment(run: run, figures: figures)
            }
            let id = try BulletinQueries.insert(draft, on: connection)
            guard let bulletin = try BulletinQueries.find(id: id, on: connection) else { throw Problem.notFound("bulletin \(id)") }
            return bulletin
        }
        return JSONResponse.stored(bulletin, status: .created)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        if let format = try DownloadRequest.format(request) {
            return try await DownloadResponse.make(.bulletins, format: format, database: database, context: context)
        }
        return JSONResponse.stored(try await database.transaction(as: context.caller) {
            try BulletinQueries.list(limit: paging.limit, offset: paging.offset, on: $0)
        })
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let docx = try WordDocument.wanted(request)
        let (bulletin, office) = try await database.transaction(as: context.caller) { connection -> (StoredJSON, String) in
            guard let bulletin = try BulletinQueries.find(id: id, on: connection) else { throw Problem.notFound("bulletin \(id)") }
            return (bulletin, try BulletinQueries.issuingOffice(on: connection))
        }
        guard docx else { return JSONResponse.stored(bulletin) }
        let content = try JSONDecoder().decode(BulletinContent.self, from: Data(bulletin.text.utf8))
        return try WordDocument.response(content.document(office: office), fileName: content.fileName)
    }

    @Sendable func edit(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let expected = try Preconditions.requiredVersion(request)
        var body = try await RequestBody.read(request, context: context)
        let lead = body.rawString("lead_text")
        let requirements = body.rawString("requirements_text")
        for (field, text) in [("lead_text", lead), ("requirements_text", requirements)] where (text?.count ?? 0) > 10000 {
            body.validator.add(field, .textTooLong, ["max": "10000", "got": "\(text?.count ?? 0)"])
        }
        try body.finish()
        let bulletin = try await database.transaction(as: context.caller) { connection -> StoredJSON in
            try Self.requireDraft(id, at: expected, on: connection)
            guard try BulletinQueries.edit(id: id, version: expected, leadText: lead, requirementsText: requirements, on: connection),
                  let bulletin = try BulletinQueries.find(id: id, on: connection) else {
                throw Preconditions.unchanged(current: try BulletinQueries.state(id: id, on: connection)?.version, expected: expected, what: "bulletin \(id)")
            }
            return bulletin
        }
        return JSONResponse.stored(bulletin)
    }

    @Sendable func issue(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let expected = try Preconditions.requiredVersion(request)
        let (year, userID) = (clock.today.year, context.caller.userID)
        let bulletin = try await database.transaction(as: context.caller) { connection -> StoredJSON in
            try Self.requireDraft(id, at: expected, on: connection)
            guard try BulletinQueries.issue(id: id, version: expected, year: year, userID: userID, on: connection) != nil,
                  let bulletin = try BulletinQueries.find(id: id, on: connection) else {
                let now = try BulletinQueries.state(id: id, on: connection)
                if now?.draft == false { throw Self.issued }
                throw Preconditions.unchanged(current: now?.version, expected: expected, what: "bulletin \(id)")
            }
            return bulletin
        }
        return JSONResponse.stored(bulletin)
    }
}
