import Campaign
import Foundation

/// A difficulty a project meets (困难和问题) as a client writes it.
public struct ProblemFields: Sendable, Equatable {
    public var kind: ProblemKind
    public var description: String
    /// The department assigned to work it.
    public var departmentID: Int64?
    public var dueOn: CalendarDate?
    public var status: ProblemStatus
    public var resolution: String?
    /// Set only when `status` is `resolved`.
    public var resolvedOn: CalendarDate?

    public init(
        kind: ProblemKind, description: String, departmentID: Int64?, dueOn: CalendarDate?, status: ProblemStatus,
        resolution: String?, resolvedOn: CalendarDate?
    ) {
        self.kind = kind
        self.description = description
        self.departmentID = departmentID
        self.dueOn = dueOn
        self.status = status
        self.resolution = resolution
        self.resolvedOn = resolvedOn
    }
}

/// A stored problem.
public struct ProblemRecord: Sendable, Equatable, JSONObject {
    public var id: Int64
    public var projectID: Int64
    public var fields: ProblemFields
    public var version: Int
    public var updatedAt: Date

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("id", id)
        try writer.write("project_id", projectID)
        try writer.write("kind", fields.kind)
        try writer.write("description", fields.description)
        try writer.write("department_id", fields.departmentID)
        try writer.write("due_on", fields.dueOn)
        try writer.write("status", fields.status)
        try writer.write("resolution", fields.resolution)
        try writer.write("resolved_on", fields.resolvedOn)
        try writer.write("version", version)
        try writer.write("updated_at", updatedAt)
    }
}
