/// The kind of an approval procedure (审批手续).
public enum ApprovalKind: String, Codable, Sendable, CaseIterable {
    /// 备案.
    case filing
    /// 审批.
    case approval
    /// 核准.
    case verification
    /// 用地.
    case land
    /// 环评.
    case eia
    /// 规划许可.
    case planning
    /// 施工许可.
    case constructionPermit = "construction_permit"
}

/// Where an approval stands.
public enum ApprovalStatus: String, Codable, Sendable, CaseIterable {
    /// Applied for, not yet decided.
    case pending
    /// Granted.
    case approved
    /// Refused.
    case rejected
    /// Withdrawn by the applicant.
    case withdrawn

    /// Whether the approval has been decided (and so should carry a decision date).
    public var isDecided: Bool { self == .approved || self == .rejected }
}
