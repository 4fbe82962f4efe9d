import Campaign
import Foundation

/// The metadata of an attachment (附件): a site photo or a scanned document of a project, filed
/// under one month or none. Its bytes are read separately (`AttachmentQueries.chunk`).
public struct AttachmentRecord: Sendable, Equatable {
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

extension AttachmentRecord: JSONRecord {
    /// `taken_at`, `latitude`, `longitude` come from a JPEG's EXIF, null when absent.
    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .id("project_id") { $0.projectID },
        .month("month") { $0.month },
        .text("filename") { $0.filename },
        .choice("content_type") { $0.contentType },
        .integer("size") { $0.size },
        .text("sha256", schema: .pattern("^[0-9a-f]{64}$")) { $0.sha256 },
        .timestamp("taken_at") { $0.photo.takenAt },
        .number("latitude") { $0.photo.latitude },
        .number("longitude") { $0.photo.longitude },
        .nested("uploaded_by", component: "UserReference") { $0.uploadedBy },
        .timestamp("uploaded_at") { $0.uploadedAt },
        .integer("version") { $0.version },
    ]
}
