import Campaign
import Foundation
import Hummingbird
import Store

/// `/projects/{id}/attachments` and `/attachments/{id}`: site photos and scanned documents (附件),
/// visible and writable exactly like the project's monthly reports, and locked with an approved
/// month's report. Uploads are received whole before they are stored; downloads stream.
struct AttachmentController: APIController {
    let database: Database
    /// Bytes a project's attachments may use together.
    let quota: Int64
    /// Today in Asia/Shanghai: no attachment for a month that has not begun.
    let clock: CampaignClock
    /// The largest file taken, in bytes.
    static let maxFileSize = BodyLimit.attachment

    var routes: [APIRoute] {
        [
            APIRoute(.post, "projects/:id/attachments", .editor,
                     "Upload a file (the body) as an attachment; 201, or 200 with the stored one when the project has the same file", upload)
                .documented(rawRequest: AttachmentType.allCases.map(\.rawValue) + ["multipart/form-data"], response: .ref("Attachment"), status: 201, also: [200])
                .query(.init("month", .month, "the month whose report the file belongs to (YYYY-MM, begun; locked with its approved report); none: the project's"),
                       .init("filename", .limitedText(maxLength: 255), required: true, "the file's name, as it is to be downloaded")),
            APIRoute(.get, "projects/:id/attachments", .signedIn, "The project's attachments (metadata), oldest first", list)
                .documented(response: .page(of: .ref("Attachment"))),
            APIRoute(.get, "attachments/:id/content", .signedIn, "The attachment's bytes (ETag: its SHA-256; If-None-Match → 304)", content)
                .documented(rawResponse: AttachmentType.allCases.map(\.rawValue)),
            APIRoute(.delete, "attachments/:id", .editor, "Delete an attachment (If-Match)", delete)
                .documented(response: nil, status: 204),
        ]
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await ParentRow.project.page(request, context: context, database: database) {
            try AttachmentQueries.list(projectID: $0, limit: $1.limit, offset: $1.offset, on: $2)
        }
    }

    @Sendable func content(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id = try Parameters.pathID("id", in: context)
        let caller = context.caller
        guard let record = try await database.transaction(as: caller, { try AttachmentQueries.find(id: id, on: $0) }) else {
            throw Problem.notFound("attachment \(id)")
        }
        let etag = "\"\(record.sha256)\""
        if let ifNoneMatch = request.headers[.ifNoneMatch], Self.matches(ifNoneMatch, etag: etag) {
            return Response(status: .notModified, headers: [.eTag: etag])
        }
        let headers: HTTPFields = [
            .contentType: record.contentType.rawValue, .eTag: etag,
            .contentDisposition: ContentDisposition.attachment(filename: record.filename),
            .xContentTypeOptions: "nosniff", .contentSecurityPolicy: "sandbox", .cacheControl: "private, no-cache",
        ]
        let database = database
        // Each piece is read in its own short transaction, so a slow reader holds no connection.
        let body = ResponseBody(contentLength: Int(record.size)) { writer in
            var sent = 0
            var seq = 0
            while sent < Int(record.size) {
                let piece = seq
                guard let bytes = try await database.transaction(as: caller, { try AttachmentQueries.chunk(id: id, seq: piece, on: $0) }) else {
                    throw Problem.notFound("attachment \(id)")
                }
                try await writer.write(ByteBuffer(bytes: bytes))
                sent += bytes.count
                seq += 1
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    static let rows = VersionedRows<AttachmentRecord>(noun: "attachment", find: AttachmentQueries.find(id:on:))

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await Self.rows.delete(request, context: context, database: database, remove: AttachmentQueries.delete(id:version:on:))
    }

    /// Whether `If-None-Match` names the current ETag (or is `*`).
    static func matches(_ header: String, etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingSpaces()
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }
}

extension AttachmentRecord: VersionedRecord {}
