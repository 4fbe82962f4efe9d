import Campaign
import Hummingbird
import Store

extension AttachmentController {
    /// A file the project already has: the upload is rolled back and the stored one answered.
    struct AlreadyStored: Error {
        var record: AttachmentRecord
    }

    /// `POST /projects/{id}/attachments?month=&filename=` with the file as the body. Everything that
    /// can be decided before the body is read is (type, size declared, rights, quota); the body is
    /// then written to the database piece by piece, in one transaction, as it arrives.
    @Sendable func upload(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let projectID = try Preconditions.pathID("id", in: context)
        let (month, filename) = try Self.target(request)
        guard let declared = request.headers[.contentType].flatMap(AttachmentType.init(mediaType:)) else {
            throw Problem(.unsupportedMediaType, .attachmentType, ["accepted": "\(AttachmentType.accepted)"])
        }
        let declaredLength = request.headers[.contentLength].flatMap { Int($0) }
        if let declaredLength, declaredLength > Self.maxFileSize { throw AttachmentStream.Limit.fileSize(Self.maxFileSize).problem }
        let quota = quota
        do {
            let record = try await database.streamingTransaction(as: context.caller) { lease -> AttachmentRecord in
                let (id, used) = try await lease.run { connection -> (Int64, Int64) in
                    guard try ProjectQueries.isVisible(id: projectID, on: connection) else { throw Problem.notFound("project \(projectID)") }
                    guard try AttachmentQueries.mayUpload(projectID: projectID, on: connection) else {
                        throw Problem(.forbidden, .attachmentForbidden, ["project_id": "\(projectID)"])
                    }
                    return (try AttachmentQueries.reserveID(on: connection), try AttachmentQueries.usedBytes(projectID: projectID, on: connection))
                }
                let remaining = max(0, quota - used)
                let limit: AttachmentStream.Limit = remaining < Int64(Self.maxFileSize) ? .quota(remaining: remaining) : .fileSize(Self.maxFileSize)
                if let declaredLength, declaredLength > limit.bytes { throw limit.problem }
                var stream = AttachmentStream(declared: declared, limit: limit)
                let (size, sha256) = try await stream.consume(request.body) { seq, bytes in
                    try await lease.run { try AttachmentQueries.insertChunk(id: id, seq: seq, bytes: bytes, on: $0) }
                }
                let upload = AttachmentUpload(id: id, projectID: projectID, month: month, filename: filename, contentType: declared,
                                              size: size, sha256: sha256, photo: stream.photo)
                return try await lease.run { connection in
                    try AttachmentQueries.lockProject(projectID, on: connection)
                    if let existing = try AttachmentQueries.find(projectID: projectID, sha256: sha256, on: connection) {
                        throw AlreadyStored(record: existing)
                    }
                    let left = quota - (try AttachmentQueries.usedBytes(projectID: projectID, on: connection))
                    if size > left { throw AttachmentStream.Limit.quota(remaining: max(0, left)).problem }
                    return try AttachmentQueries.insert(upload, on: connection)
                }
            }
            return try JSONResponse.make(record, status: .created, version: record.version, location: "/api/v1/attachments/\(record.id)/content")
        } catch let stored as AlreadyStored {
            return try JSONResponse.make(stored.record, status: .ok, version: stored.record.version)
        }
    }

    /// `month` (optional, `YYYY-MM`) and `filename` (required) from the query string.
    static func target(_ request: Request) throws -> (Month?, String) {
        var validator = Validator()
        let query = request.uri.queryParameters
        let month = query["month"].flatMap { validator.month(String($0), field: "month") }
        let filename = validator.string(query["filename"].map(String.init), field: "filename", maxLength: 255)
        if let filename, filename.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            validator.add("filename", .controlCharacters)
        }
        guard validator.isValid, let filename else { throw Problem.invalid(validator.errors) }
        return (month, filename)
    }
}
