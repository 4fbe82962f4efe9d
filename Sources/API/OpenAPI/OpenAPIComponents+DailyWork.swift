import Campaign
import Store

extension OpenAPIComponents {
    /// A project as lists across projects name it.
    static let projectReference = ProjectReference.schema

    /// The campaign's daily work: annual investment plans, report review, notifications.
    static let dailyWorkSchemas: [String: Schema] = [
        "PlanInput": PlanFields.schema,
        "Plan": PlanRecord.schema,
        "ReviewInput": .object(["decision": .choice(ReviewDecision.self), "comment": .nullable(.text)], required: ["decision"]),
        "BatchReviewInput": .object([
            "decision": .choice(ReviewDecision.self), "comment": .nullable(.text),
            "items": .array(.record(["project_id": .id, "month": .month, "version": .integer])),
        ], required: ["decision", "items"]),
        "BatchReviewResults": .record(["results": .array(.object([
            "project_id": .id, "month": .month, "status": .choice(ReportStatus.self), "version": .integer, "problem": .ref("Problem"),
        ], required: ["project_id", "month"]))]),
        "ReviewItem": ReviewQueries.Item.schema,
        "Notification": NotificationRecord.schema,
        "PlanSummary": PlanSummary.schema,
    ]
}
