import Campaign
import Store

extension OpenAPIComponents {
    /// A project as lists across projects name it.
    static let projectReference: Schema = .record(["id": .id, "code": .text, "name": .text])

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
        "ReviewItem": .object(
            monthlyReportFields.merging(["project": projectReference]) { $1 }, required: monthlyReportFields.keys.sorted() + ["project"]),
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
