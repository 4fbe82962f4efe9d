import Campaign
import Store

extension OpenAPIComponents {
    /// A project as lists across projects name it.
    static let projectReference: Schema = .record(["id": .id, "code": .text, "name": .text])

    /// A waiting report's project and the reviewer's context (`ReviewQueries.Context`).
    static let reviewContext: [String: Schema] = [
        "project": projectReference, "district_id": .id, "month_plan": .nullable(.number), "last_month": .nullable(.number),
        "cumulative_plan": .nullable(.number), "cumulative_actual": .number, "unusual": .boolean,
    ]

    /// The campaign's daily work: annual investment plans, report review, notifications.
    static let dailyWorkSchemas: [String: Schema] = [
        "PlanInput": .record(["annual_investment": .number, "monthly": .array(.number)]),
        "Plan": .record([
            "id": .id, "project_id": .id, "year": .year, "annual_investment": .number, "monthly": .array(.number),
            "version": .integer, "updated_at": .timestamp, "through_month": .nullable(.month),
            "ratio_to_date": .nullable(.number), "behind": .boolean,
            "months": .array(.record([
                "month": .month, "plan": .number, "actual": .nullable(.number), "cumulative_plan": .number,
                "cumulative_actual": .number,
            ])),
        ]),
        "ReviewInput": .object(["decision": .choice(ReviewDecision.self), "comment": .nullable(.text)], required: ["decision"]),
        "BatchReviewInput": .object([
            "decision": .choice(ReviewDecision.self), "comment": .nullable(.text),
            "items": .array(.record(["project_id": .id, "month": .month, "version": .integer])),
        ], required: ["decision", "items"]),
        "BatchReviewResults": .record(["results": .array(.object([
            "project_id": .id, "month": .month, "status": .choice(ReportStatus.self), "version": .integer, "problem": .ref("Problem"),
        ], required: ["project_id", "month"]))]),
        "ReviewItem": .object(
            monthlyReportFields.merging(reviewContext) { $1 }, required: monthlyReportFields.keys.sorted() + reviewContext.keys.sorted()),
        "Notification": .record([
            "id": .id, "kind": .choice(NotificationKind.self), "created_at": .timestamp, "read": .boolean, "title": .text,
            "body": .text, "subject": .record(["type": .text, "id": .id]), "month": .nullable(.month),
        ]),
        "PlanSummary": .record([
            "project": projectReference, "district_id": .id, "lead_department_id": .id, "year": .year,
            "annual_investment": .number, "plan_to_date": .number, "actual_to_date": .number,
            "ratio_to_date": .nullable(.number), "behind": .boolean,
        ]),
    ]
}
