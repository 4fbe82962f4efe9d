import Campaign
import Foundation

/// A notification of the caller's agency, with the caller's own read state.
public struct NotificationRecord: Sendable, Equatable, JSONObject {
    public var id: Int64
    public var kind: NotificationKind
    public var createdAt: Date
    public var read: Bool
    public var title: String
    public var body: String
    /// `project`, `report`, `problem` or `assessment`.
    public var subjectType: String
    public var subjectID: Int64
    public var month: Month?

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("id", id)
        try writer.write("kind", kind)
        try writer.write("created_at", createdAt)
        try writer.write("read", read)
        try writer.write("title", title)
        try writer.write("body", body)
        try writer.write("subject", encoding: Subject(type: subjectType, id: subjectID))
        try writer.write("month", month)
    }

    struct Subject: Encodable {
        var type: String
        var id: Int64
    }
}
