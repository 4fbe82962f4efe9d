/// Where a monthly report stands in its review (月报审核).
public enum ReportStatus: String, Codable, Sendable, CaseIterable {
    /// Entered (or replaced) by the district; waiting for a reviewer.
    case submitted
    /// Accepted by a reviewer; locked for the district until the county reopens it.
    case approved
    /// Sent back with a comment saying what to fix; the district replaces it.
    case returned
}

/// A reviewer's decision on a monthly report.
public enum ReviewDecision: String, Codable, Sendable, CaseIterable {
    /// submitted → approved.
    case approve
    /// submitted → returned, with a comment.
    case `return`
    /// approved → submitted (county editors only).
    case reopen

    /// The status the report must be in for this decision.
    public var from: ReportStatus {
        switch self {
        case .approve, .return: .submitted
        case .reopen: .approved
        }
    }

    /// The status the report takes.
    public var to: ReportStatus {
        switch self {
        case .approve: .approved
        case .return: .returned
        case .reopen: .submitted
        }
    }
}
