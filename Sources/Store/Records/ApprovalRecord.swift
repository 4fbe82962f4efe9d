import Campaign
import Foundation

/// A project's approval procedure (审批手续) as a client writes it.
public struct ApprovalFields: Sendable, Equatable {
    public var kind: ApprovalKind
    /// The handling department.
    public var departmentID: Int64
    public var appliedOn: CalendarDate?
    public var decidedOn: CalendarDate?
    public var status: ApprovalStatus

    public init(kind: ApprovalKind, departmentID: Int64, appliedOn: CalendarDate?, decidedOn: CalendarDate?, status: ApprovalStatus) {
        self.kind = kind
        self.departmentID = departmentID
        self.appliedOn = appliedOn
        self.decidedOn = decidedOn
        self.status = status
    }
}

/// A stored approval with its processing days (decided − applied), which the county wants shortened.
public struct ApprovalRecord: Sendable, Equatable, JSONObject {
    public var id: Int64
    public var projectID: Int64
    public var fields: ApprovalFields
    public var processingDays: Int?
    public var version: Int
    public var updatedAt: Date

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("id", id)
        try writer.write("project_id", projectID)
        try writer.write("kind", fields.kind)
        try writer.write("department_id", fields.departmentID)
        try writer.write("applied_on", fields.appliedOn)
        try writer.write("decided_on", fields.decidedOn)
        try writer.write("status", fields.status)
        try writer.write("processing_days", processingDays)
        try writer.write("version", version)
        try writer.write("updated_at", updatedAt)
    }
}
