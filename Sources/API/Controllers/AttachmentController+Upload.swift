import Campaign
import Hummingbird
import HummingbirdCore
import Store

extension AttachmentController {
    /// A file the project already has: the upload is rolled back and the stored one answered.
    struct AlreadyStored: Error {
        var record: AttachmentRecord
    }

    /// `POST /projects/{id}/attachments?month=&filename=` with the file as the body, or as the one
    /// file of a `multipart/form-data` form (its part's type and file name count; `filename=` may
    /// then be left out). Everything that can be decided before the body is read is, in a short
    /// transaction (type, size declared, rights, the month's lock, quota); the body is then
    /// received whole with no database connection held, and stored in one short transaction.
    @Sendable func upload(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let projectID = try Parameters.pathID("id", in: context)
        let form = try await MultipartFile.read(request, limit: Self.maxFileSize)
        let (month, filename) = try Self.target(request, formName: form?.filename)
        if let month { try Preconditions.begun(month, clock: clock) }
        guard let declared = (form?.contentType ?? request.headers[.contentType]).flatMap(AttachmentType.init(mediaType:)) else {
            throw Problem(.unsupportedMediaType, .attachmentType, ["accepted": "\(AttachmentType.accepted)"])
        }
        let declaredLength = form.map(\.data.count) ?? request.headers[.contentLength].flatMap { Int($0) }
        let body = form.map { HummingbirdCore.RequestBody(buffer: ByteBuffer(bytes: $0.data)) } ?? request.body
        if let declaredLength, declaredLength > Self.maxFileSize { throw AttachmentStream.Limit.fileSize(Self.maxFileSize).problem }
        let quota = quota
        let used = try await database.transaction(as: context.caller) { connection in
            try ParentRow.project.require(projectID, on: connection)
            guard try AttachmentQueries.mayUpload(projectID: projectID, month: month, on: connection) else {
                throw Problem(.forbidden, .attachmentForbidden, ["project_id": "\(projectID)"])
            }
            return try AttachmentQueries.usedBytes(projectID: projectID, on: connection)
        }
        let remaining = max(0, quota - used)
        let limit: AttachmentStream.Limit = remaining < Int64(Self.maxFileSize) ? .quota(remaining: remaining) : .fileSize(Self.maxFileSize)
        if let declaredLength, declaredLength > limit.bytes { throw limit.problem }
        var stream = AttachmentStream(declared: declared, limit: limit)
        let file = try await stream.receive(body)
        let name = AttachmentName.stored(filename, as: file.type)
        do {
            let record = try await database.transaction(as: context.caller) { connection -> AttachmentRecord in
                try AttachmentQueries.lockProject(projectID, on: connection)
                if let existing = try AttachmentQueries.find(projectID: projectID, sha256: file.sha256, on: connection) {
                    throw AlreadyStored(record: existing)
                }
                let left = quota - (try AttachmentQueries.usedBytes(projectID: projectID, on: connection))
                if file.size > left { throw AttachmentStream.Limit.quota(remaining: max(0, left)).problem }
                let id = try AttachmentQueries.reserveID(on: connection)
                for (seq, piece) in file.pieces.enumerated() {
                    try AttachmentQueries.insertChunk(id: id, seq: seq, bytes: piece, on: connection)
                }
                let upload = AttachmentUpload(id: id, projectID: projectID, month: month, filename: name, contentType: file.type,
                                              size: file.size, sha256: file.sha256, photo: file.photo)
                return try AttachmentQueries.insert(upload, on: connection)
            }
            return try JSONResponse.make(record, status: .created, version: record.version, location: "/api/v1/attachments/\(record.id)/content")
        } catch let stored as AlreadyStored {
            return try JSONResponse.make(stored.record, status: .ok, version: stored.record.version)
        }
    }

    /// `month` (optional, `YYYY-MM`) and `filename` (required, else the form's file name: NFC,
    /// without bidirectional controls, at most 255 Unicode scalars, no control characters) from
    /// the query string.
    static func target(_ request: Request, formName: String? = nil) throws -> (Month?, String) {
        var query = Parameters(query: request)
        let month = query.month()
        var validator = query.validator
        let filename = query.text("filename") ?? formName
        let cleaned = filename.flatMap(AttachmentName.cleaned)
        if let cleaned {
            if cleaned.unicodeScalars.count > AttachmentName.maxLength {
                validator.add("filename", .textTooLong, ["max": "\(AttachmentName.maxLength)", "got": "\(cleaned.unicodeScalars.count)"])
            }
            if cleaned.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                validator.add("filename", .controlCharacters)
            }
        } else {
            validator.add("filename", filename == nil ? .requiredText : .blankText, ["max": "\(AttachmentName.maxLength)"])
        }
        guard validator.isValid, let cleaned else { throw Problem.invalid(validator.errors) }
        return (month, cleaned)
    }
}
