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
public struct MonthlyReportRecord: Sendable, Equatable, JSONObject {
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

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("id", id)
        try writer.write("project_id", projectID)
        try writer.write("month", month)
        try writer.write("investment_completed", fields.investmentCompleted)
        try writer.write("progress", fields.progress)
        try writer.write("problems", fields.problems)
        try writer.write("explanation", fields.explanation)
        try writer.write("submitted_at", submittedAt)
        try writer.write("submitted_by", encoding: submittedBy)
        try writer.write("status", review.status)
        try writer.write("first_submitted_at", review.firstSubmittedAt)
        try writer.write("review_comment", review.comment)
        try writer.write("reviewed_by", encoding: review.reviewedBy)
        try writer.write("reviewed_at", review.reviewedAt)
        try writer.write("version", version)
    }
}
