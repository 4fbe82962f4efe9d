/// The kind of a coordination meeting (调度会).
public enum MeetingKind: String, Codable, Sendable, CaseIterable {
    /// 周调度.
    case weekly
    /// 月调度.
    case monthly
    /// 专题.
    case special
}

/// Where an agenda item (议题) came from.
public enum AgendaSource: String, Codable, Sendable, CaseIterable {
    case overdueProblem = "overdue_problem"
    case escalatedProblem = "escalated_problem"
    case behindPlan = "behind_plan"
    case missingReport = "missing_report"
    case slowApproval = "slow_approval"
    /// An unresolved decision of an earlier meeting (遗留事项).
    case carriedOver = "carried_over"
    /// Added by hand.
    case manual
}

/// What an agenda item is about.
public enum AgendaSubjectType: String, Codable, Sendable, CaseIterable {
    case problem
    case project
    case approval
}

/// Whether a meeting can still change.
public enum MeetingStatus: String, Codable, Sendable, CaseIterable {
    case open
    /// Frozen: agenda, decisions and minutes never change again.
    case closed
}

/// The kind of a bulletin (通报).
public enum BulletinKind: String, Codable, Sendable, CaseIterable {
    /// 月度通报.
    case monthly
    /// 考核通报.
    case assessment
}

/// Where a bulletin stands.
public enum BulletinStatus: String, Codable, Sendable, CaseIterable {
    /// 草稿: county editors edit its text.
    case draft
    /// 已印发: numbered, immutable, visible to all.
    case issued
}
