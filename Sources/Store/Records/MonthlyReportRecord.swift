import Campaign
import Foundation

/// What a district reports for one project and month (月报).
public struct MonthlyReportFields: Sendable, Equatable {
    public var investmentCompleted: Decimal
    public var progress: String
    public var problems: String
    /// 情况说明: why the figure is far from the month's plan (`ExplanationRule`); empty when none.
    public var explanation: String

    public init(investmentCompleted: Decimal, progress: String, problems: String, explanation: String = "") {
        self.investmentCompleted = investmentCompleted
        self.progress = progress
        self.problems = problems
        self.explanation = explanation
    }
}

/// A stored monthly report with who submitted it and when.
public struct MonthlyReportRecord: Sendable, Equatable {
    public var id: Int64
    public var projectID: Int64
    public var month: Month
    public var fields: MonthlyReportFields
    public var submittedAt: Date
    public var submittedBy: UserReference?
    public var review: Review
    public var version: Int

    /// Where the report stands in its review (月报审核).
    public struct Review: Sendable, Equatable {
        public var status: ReportStatus
        /// The first submission: lateness is judged by it, and replacing never moves it.
        public var firstSubmittedAt: Date
        /// The last reviewer's comment (what to fix, for a returned report).
        public var comment: String?
        public var reviewedBy: UserReference?
        public var reviewedAt: Date?
    }
}

extension MonthlyReportFields: JSONRecord {
    /// The body of a PUT (`MonthlyReportInput`), and the middle of the record.
    public static let members: [JSONMember<Self>] = [
        .number("investment_completed") { $0.investmentCompleted },
        .text("progress") { $0.progress },
        .text("problems") { $0.problems },
        .text("explanation") { $0.explanation },
    ]
}

extension MonthlyReportRecord: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .id("project_id") { $0.projectID },
        .month("month") { $0.month },
        .inline { $0.fields },
        .timestamp("submitted_at") { $0.submittedAt },
        .nested("submitted_by", component: "UserReference") { $0.submittedBy },
        .choice("status") { $0.review.status },
        .timestamp("first_submitted_at") { $0.review.firstSubmittedAt },
        .text("review_comment") { $0.review.comment },
        .nested("reviewed_by", component: "UserReference") { $0.review.reviewedBy },
        .timestamp("reviewed_at") { $0.review.reviewedAt },
        .integer("version") { $0.version },
    ]
}
