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
public struct ApprovalRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var projectID: Int64
    public var fields: ApprovalFields
    public var processingDays: Int?
    public var version: Int
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, status, version
        case projectID = "project_id", departmentID = "department_id", appliedOn = "applied_on"
        case decidedOn = "decided_on", processingDays = "processing_days", updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(projectID, forKey: .projectID)
        try container.encode(fields.kind, forKey: .kind)
        try container.encode(fields.departmentID, forKey: .departmentID)
        try container.encode(fields.appliedOn, forKey: .appliedOn)
        try container.encode(fields.decidedOn, forKey: .decidedOn)
        try container.encode(fields.status, forKey: .status)
        try container.encode(processingDays, forKey: .processingDays)
        try container.encode(version, forKey: .version)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
