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
public struct ProblemRecord: Sendable, Equatable {
    public var id: Int64
    public var projectID: Int64
    public var fields: ProblemFields
    public var version: Int
    public var updatedAt: Date
}

extension ProblemFields: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .choice("kind") { $0.kind },
        .text("description") { $0.description },
        .id("department_id") { $0.departmentID },
        .date("due_on") { $0.dueOn },
        .choice("status") { $0.status },
        .text("resolution") { $0.resolution },
        .date("resolved_on") { $0.resolvedOn },
    ]
}

extension ProblemRecord: JSONRecord {
    public static let members: [JSONMember<Self>] = rowMembers()
}
