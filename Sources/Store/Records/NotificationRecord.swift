import Campaign
import Foundation

/// A notification of the caller's agency, with the caller's own read state.
public struct NotificationRecord: Sendable, Equatable {
    public var id: Int64
    public var kind: NotificationKind
    public var createdAt: Date
    public var read: Bool
    public var title: String
    public var body: String
    public var subjectType: NotificationSubject
    public var subjectID: Int64
    /// The project the subject belongs to (a project itself, a report's, a problem's), where the
    /// reader can see it; nil for an assessment or a bulletin.
    public var subjectProjectID: Int64?
    public var month: Month?
}

extension NotificationRecord: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .choice("kind") { $0.kind },
        .timestamp("created_at") { $0.createdAt },
        .boolean("read") { $0.read },
        .text("title") { $0.title },
        .text("body") { $0.body },
        .nested("subject") { Subject(type: $0.subjectType, id: $0.subjectID, projectID: $0.subjectProjectID) },
        .month("month") { $0.month },
    ]

    /// `{"type","id","project_id"}`: what the notification is about, and its project.
    struct Subject: JSONRecord {
        var type: NotificationSubject
        var id: Int64
        var projectID: Int64?

        static let members: [JSONMember<Self>] = [.choice("type") { $0.type }, .id("id") { $0.id }, .id("project_id") { $0.projectID }]
    }
}
