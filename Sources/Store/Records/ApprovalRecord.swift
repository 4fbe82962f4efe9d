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
public struct ApprovalRecord: Sendable, Equatable {
    public var id: Int64
    public var projectID: Int64
    public var fields: ApprovalFields
    public var processingDays: Int?
    public var version: Int
    public var updatedAt: Date
}

extension ApprovalFields: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .choice("kind") { $0.kind },
        .id("department_id") { $0.departmentID },
        .date("applied_on") { $0.appliedOn },
        .date("decided_on") { $0.decidedOn },
        .choice("status") { $0.status },
    ]
}

extension ApprovalRecord: JSONRecord {
    public static let members: [JSONMember<Self>] = rowMembers(adding: [.integer("processing_days") { $0.processingDays }])
}
