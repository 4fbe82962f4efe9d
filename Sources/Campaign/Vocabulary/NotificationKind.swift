/// What a notification (提醒与督办) is about.
public enum NotificationKind: String, Codable, Sendable, CaseIterable {
    case reportDue = "report_due"
    case reportLate = "report_late"
    case reportReturned = "report_returned"
    case problemOverdue = "problem_overdue"
    /// A problem overdue seven days, escalated to the leading group (督办): told to the county.
    case problemEscalated = "problem_escalated"
    case behindPlan = "behind_plan"
    case assessmentPublished = "assessment_published"
    /// A bulletin (通报) was issued: told to every agency.
    case bulletinIssued = "bulletin_issued"
    /// A problem was raised on a project: told to its service commissioner's department (包保).
    case problemRaised = "problem_raised"
}

/// What a notification points to: the row its `subject.id` names.
public enum NotificationSubject: String, Codable, Sendable, CaseIterable {
    case project
    case report
    case problem
    case assessment
    case bulletin
}

/// What a user is to a project they serve (包保): its county leader or its service commissioner.
public enum ServiceRole: String, Codable, Sendable, CaseIterable {
    case leader
    case commissioner
}
