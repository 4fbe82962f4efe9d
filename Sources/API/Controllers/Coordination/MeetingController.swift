import Campaign
import Foundation
import Hummingbird
import Postgres
import Store

/// `/meetings`: coordination meetings (调度会). Preparing a meeting draws its agenda from the data
/// of that moment; county editors add items, record decisions (tracked as problems of kind
/// `meeting_decision`) and close it, which freezes it. The county sees every meeting, an agency
/// those it attends.
struct MeetingController: APIController {
    let database: Database
    /// A project is behind plan below this ratio to date (`plans.behind_ratio`).
    let behindBelow: Decimal
    let clock: CampaignClock

    var routes: [APIRoute] {
        [
            APIRoute(.post, "meetings", .countyEditor, "Prepare a meeting: 201 with the agenda drawn from the data of this moment", create)
                .documented(request: .ref("MeetingInput"), response: .ref("Meeting"), status: 201),
            APIRoute(.get, "meetings", .signedIn, "The visible meetings (county: all; others: those they attend), newest first", list)
                .documented(response: .page(of: .ref("MeetingSummary"))).downloadable(),
            APIRoute(.get, "meetings/:id", .signedIn, "One meeting with its agenda and decisions", show)
                .documented(response: .ref("Meeting")),
            APIRoute(.post, "meetings/:id/items", .countyEditor, "Add an agenda item by hand (open meetings only)", addItem)
                .documented(request: .ref("AgendaItemInput"), response: .ref("AgendaItem"), status: 201),
            APIRoute(.put, "meetings/:id/items/:item/decision", .countyEditor,
                     "Record (201) or replace (200, If-Match) an item's decision, tracked as a problem", decide)
                .documented(request: .ref("DecisionInput"), response: .ref("AgendaItem"), also: [201]),
            APIRoute(.post, "meetings/:id/close", .countyEditor, "Close the meeting (If-Match): its agenda, decisions and minutes freeze", close)
                .documented(response: .ref("Meeting")).requiringIfMatch(),
            APIRoute(.get, "meetings/:id/minutes", .signedIn, "The minutes (会议纪要) as a Word document (format=docx)", minutes)
                .documented(rawResponse: [WordDocument.mediaType]).query(MeetingController.docxFormat),
        ]
    }

    static let docxFormat = QueryParameter("format", .string(values: ["docx"]), "docx: the Word document")

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let kind: MeetingKind? = body.choice("kind")
        let title = body.string("title", maxLength: 200)
        let date = body.date("date")
        let chair = body.string("chair", maxLength: 100)
        let agencies = Self.ids(&body, "agency_ids")
        try body.finish()
        guard let kind, let title, let date, let chair, let agencies else { throw Problem.invalid(body.validator.errors) }
        let rules = MeetingItemQueries.Rules(today: clock.today, behindBelow: behindBelow)
        let fields = MeetingQueries.Fields(kind: kind.rawValue, title: title, date: date, chair: chair, agencyIDs: agencies)
        let (meeting, id) = try await database.transaction(as: context.caller) { connection -> (StoredJSON, Int64) in
            let unknown = try MeetingQueries.unknownAgencies(agencies, on: connection)
            if !unknown.isEmpty {
                throw Problem.invalid([FieldError(field: "agency_ids", .unknownAgencies, ["ids": unknown.map(String.init).joined(separator: "、")])])
            }
            let id = try MeetingQueries.insert(fields, on: connection)
            try MeetingItemQueries.drawAgenda(meetingID: id, rules, on: connection)
            guard let meeting = try MeetingQueries.find(id: id, on: connection) else { throw Problem.notFound("meeting \(id)") }
            return (meeting, id)
        }
        return JSONResponse.stored(meeting, status: .created, location: "/api/v1/meetings/\(id)")
    }

    /// An array of distinct agency ids (may be empty).
    static func ids(_ body: inout RequestBody, _ field: String) -> [Int64]? {
        guard body.present(field) else {
            body.validator.add(field, .agencyIDsRequired)
            return nil
        }
        guard case .array(let values)? = body.fields[field] else {
            body.validator.add(field, .agencyIDsRequired)
            return nil
        }
        var ids: [Int64] = []
        for value in values {
            guard case .number(let number) = value, number > 0, number.hasAtMost(decimalPlaces: 0), number < Decimal(Int64.max) else {
                body.validator.add(field, .notAnID)
                return nil
            }
            let id = Int64(truncating: number as NSDecimalNumber)
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        if let format = try DownloadRequest.format(request) {
            return try await DownloadResponse.make(.meetings, format: format, database: database, context: context)
        }
        let page = try await database.transaction(as: context.caller) {
            try MeetingQueries.list(limit: paging.limit, offset: paging.offset, on: $0)
        }
        return JSONResponse.stored(page)
    }

    @Sendable func show(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        guard let meeting = try await database.transaction(as: context.caller, { try MeetingQueries.find(id: id, on: $0) }) else {
            throw Problem.notFound("meeting \(id)")
        }
        return JSONResponse.stored(meeting)
    }

    /// 404 unless the caller sees the meeting, 409 when it is closed.
    static func requireOpen(_ id: Int64, on connection: Connection) throws -> Int {
        guard let state = try MeetingQueries.state(id: id, on: connection) else { throw Problem.notFound("meeting \(id)") }
        guard state.open else { throw Self.closed }
        return state.version
    }

    static let closed = Problem(.conflict, .meetingClosed)

    @Sendable func addItem(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        var body = try await RequestBody.read(request, context: context)
        let summary = body.string("summary", maxLength: 2000)
        let subject = Self.subject(&body)
        try body.finish()
        guard let summary, let subject else { throw Problem.invalid(body.validator.errors) }
        let (item, itemID) = try await database.transaction(as: context.caller) { connection -> (StoredJSON, Int64) in
            _ = try Self.requireOpen(id, on: connection)
            guard let found = try MeetingItemQueries.subject(type: subject.type, id: subject.id, on: connection) else {
                throw Problem.invalid([FieldError(field: "subject.id", .subjectNotFound, ["what": subject.type.chineseLabel, "type": subject.type.rawValue])])
            }
            let itemID = try MeetingItemQueries.insertManual(
                meetingID: id, summary: summary, subjectType: subject.type, subjectID: subject.id, subject: found, on: connection)
            guard let item = try MeetingItemQueries.find(meetingID: id, itemID: itemID, on: connection) else {
                throw Problem.notFound("item \(itemID)")
            }
            return (item, itemID)
        }
        return JSONResponse.stored(item, status: .created, location: "/api/v1/meetings/\(id)/items/\(itemID)")
    }

    /// `subject`: `{"type": problem|project|approval, "id"}`.
    static func subject(_ body: inout RequestBody) -> (type: AgendaSubjectType, id: Int64)? {
        guard body.present("subject"), case .object(let fields)? = body.fields["subject"] else {
            body.validator.add("subject", .agendaSubjectRequired)
            return nil
        }
        var inner = RequestBody(fields: fields)
        let type: AgendaSubjectType? = inner.choice("type")
        let id = inner.id("id")
        for field in fields.keys.sorted() where !["type", "id"].contains(field) {
            inner.validator.add(field, .unknownField)
        }
        for error in inner.validator.errors { body.validator.add("subject.\(error.field)", error.message) }
        guard let type, let id else { return nil }
        return (type, id)
    }

    @Sendable func decide(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let itemID = try Parameters.pathID("item", in: context)
        let ifMatch = try PutPreconditions.ifMatch(request)
        var body = try await RequestBody.read(request, context: context)
        let text = body.string("text", maxLength: 2000)
        let agencyID = body.id("agency_id")
        let due = body.date("due_date")
        try body.finish()
        guard let text, let agencyID, let due else { throw Problem.invalid(body.validator.errors) }
        let what = "会议 \(id) 议题 \(itemID) 的决定事项"
        let (item, created) = try await database.transaction(as: context.caller) { connection -> (StoredJSON, Bool) in
            _ = try Self.requireOpen(id, on: connection)
            guard let state = try MeetingItemQueries.decisionState(meetingID: id, itemID: itemID, on: connection) else {
                throw Problem.notFound("item \(itemID) of meeting \(id)")
            }
            guard let agency = try AgencyQueries.find(id: agencyID, on: connection)?.summary,
                  agency.kind != .district || agency.id == state.districtID else {
                throw Problem.invalid([FieldError(field: "agency_id", .decisionAgency)])
            }
            let decision = MeetingItemQueries.Decision(text: text, agencyID: agencyID, agencyKind: agency.kind, dueDate: due)
            if state.problemID != nil {
                guard let ifMatch else { throw Preconditions.required(current: state.version, what: what) }
                guard ifMatch == state.version else { throw Preconditions.stale(current: state.version) }
            } else if ifMatch != nil, ifMatch != state.version {
                throw Preconditions.stale(current: state.version)
            }
            guard try MeetingItemQueries.decide(
                itemID: itemID, version: state.version, projectID: state.projectID, problemID: state.problemID, decision, on: connection)
            else { throw Preconditions.required(current: nil, what: what) }
            guard let item = try MeetingItemQueries.find(meetingID: id, itemID: itemID, on: connection) else {
                throw Problem.notFound("item \(itemID)")
            }
            return (item, state.problemID == nil)
        }
        return JSONResponse.stored(item, status: created ? .created : .ok)
    }

    @Sendable func close(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let expected = try Preconditions.requiredVersion(request)
        let userID = context.caller.userID
        let meeting = try await database.transaction(as: context.caller) { connection -> StoredJSON in
            let current = try Self.requireOpen(id, on: connection)
            guard current == expected else { throw Preconditions.stale(current: current) }
            guard try MeetingQueries.close(id: id, version: expected, userID: userID, on: connection),
                  let meeting = try MeetingQueries.find(id: id, on: connection) else {
                throw Preconditions.unchanged(current: try MeetingQueries.state(id: id, on: connection)?.version, expected: expected, what: "meeting \(id)")
            }
            return meeting
        }
        return JSONResponse.stored(meeting)
    }

    @Sendable func minutes(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        try WordDocument.requireFormat(request)
        let (meeting, office) = try await database.transaction(as: context.caller) { connection -> (StoredJSON, String) in
            guard let meeting = try MeetingQueries.find(id: id, on: connection) else { throw Problem.notFound("meeting \(id)") }
            return (meeting, try BulletinQueries.issuingOffice(on: connection))
        }
        let decoded = try JSONDecoder().decode(MinutesContent.self, from: Data(meeting.text.utf8))
        return try WordDocument.response(decoded.document(office: office), fileName: "会议纪要-\(decoded.date)")
    }
}
