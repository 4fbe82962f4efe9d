import Campaign
import Foundation

/// What a notification (提醒与督办) is about.
public enum NotificationKind: String, Codable, Sendable, CaseIterable {
    case reportDue = "report_due"
    case reportLate = "report_late"
    case reportReturned = "report_returned"
    case problemOverdue = "problem_overdue"
    /// A problem overdue seven days, escalated to the leading group (督办): told to the county.
    case problemEscalated = "problem_escalated"
    case behindPlan = "behind_plan"
    case assessmentPublished = "assessment_published"
    /// A bulletin (通报) was issued: told to every agency.
    case bulletinIssued = "bulletin_issued"
    /// A problem was raised on a project: told to its service commissioner's department (包保).
    case problemRaised = "problem_raised"
}

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
