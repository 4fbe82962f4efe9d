import Campaign
import Foundation

/// The metadata of an attachment (附件): a site photo or a scanned document of a project, filed
/// under one month or none. Its bytes are read separately (`AttachmentQueries.chunk`).
public struct AttachmentRecord: Sendable, Equatable, JSONObject {
    public var id: Int64
    public var projectID: Int64
    public var month: Month?
    public var filename: String
    public var contentType: AttachmentType
    public var size: Int64
    /// The SHA-256 of the content, lower-case hex: the content's ETag.
    public var sha256: String
    public var photo: PhotoMetadata
    public var uploadedBy: UserReference?
    public var uploadedAt: Date
    public var version: Int

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("id", id)
        try writer.write("project_id", projectID)
        try writer.write("month", month)
        try writer.write("filename", filename)
        try writer.write("content_type", contentType)
        try writer.write("size", size)
        try writer.write("sha256", sha256)
        try writer.write("taken_at", photo.takenAt)
        try writer.write("latitude", photo.latitude)
        try writer.write("longitude", photo.longitude)
        try writer.write("uploaded_by", encoding: uploadedBy)
        try writer.write("uploaded_at", uploadedAt)
        try writer.write("version", version)
    }
}

/// What an upload has learnt about a file once its last byte arrived.
public struct AttachmentUpload: Sendable {
    public var id: Int64
    public var projectID: Int64
    public var month: Month?
    public var filename: String
    public var contentType: AttachmentType
    public var size: Int64
    public var sha256: String
    public var photo: PhotoMetadata

    public init(
        id: Int64, projectID: Int64, month: Month?, filename: String, contentType: AttachmentType, size: Int64,
        sha256: String, photo: PhotoMetadata
    ) {
        self.id = id
        self.projectID = projectID
        self.month = month
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.photo = photo
    }
}
