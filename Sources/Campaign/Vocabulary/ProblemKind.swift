/// The kind of a problem a project meets (困难和问题).
public enum ProblemKind: String, Codable, Sendable, CaseIterable {
    /// Land.
    case land
    /// Environment.
    case environment
    /// Raw materials.
    case rawMaterials = "raw_materials"
    /// Funding.
    case funding
    /// Approvals.
    case approvals
    /// Anything else.
    case other
    /// A coordination meeting's decision (决定事项), tracked like any problem; made only by
    /// recording a decision on a meeting's agenda item.
    case meetingDecision = "meeting_decision"
}

/// Where a problem stands.
public enum ProblemStatus: String, Codable, Sendable, CaseIterable {
    /// Reported, not yet worked.
    case open
    /// Being worked by the assigned department.
    case inProgress = "in_progress"
    /// Solved; carries a resolution note and date.
    case resolved
    /// Escalated to the leading group.
    case escalated
}
