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
public struct ProblemRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var projectID: Int64
    public var fields: ProblemFields
    public var version: Int
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, description, status, resolution, version
        case projectID = "project_id", departmentID = "department_id", dueOn = "due_on"
        case resolvedOn = "resolved_on", updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(projectID, forKey: .projectID)
        try container.encode(fields.kind, forKey: .kind)
        try container.encode(fields.description, forKey: .description)
        try container.encode(fields.departmentID, forKey: .departmentID)
        try container.encode(fields.dueOn, forKey: .dueOn)
        try container.encode(fields.status, forKey: .status)
        try container.encode(fields.resolution, forKey: .resolution)
        try container.encode(fields.resolvedOn, forKey: .resolvedOn)
        try container.encode(version, forKey: .version)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
