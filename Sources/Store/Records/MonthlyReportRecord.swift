import Campaign
import Foundation

/// What a district reports for one project and month (月报).
public struct MonthlyReportFields: Sendable, Equatable {
    public var investmentCompleted: Decimal
    public var progress: String
    public var problems: String

    public init(investmentCompleted: Decimal, progress: String, problems: String) {
        self.investmentCompleted = investmentCompleted
        self.progress = progress
        self.problems = problems
    }
}

/// A stored monthly report with who submitted it and when.
public struct MonthlyReportRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var projectID: Int64
    public var month: Month
    public var fields: MonthlyReportFields
    public var submittedAt: Date
    public var submittedBy: UserReference?
    public var version: Int

    enum CodingKeys: String, CodingKey {
        case id, month, progress, problems, version
        case projectID = "project_id"
        case investmentCompleted = "investment_completed"
        case submittedAt = "submitted_at"
        case submittedBy = "submitted_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(projectID, forKey: .projectID)
        try container.encode(month, forKey: .month)
        try container.encode(fields.investmentCompleted, forKey: .investmentCompleted)
        try container.encode(fields.progress, forKey: .progress)
        try container.encode(fields.problems, forKey: .problems)
        try container.encode(submittedAt, forKey: .submittedAt)
        try container.encode(submittedBy, forKey: .submittedBy)
        try container.encode(version, forKey: .version)
    }
}
