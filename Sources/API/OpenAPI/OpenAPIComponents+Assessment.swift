import Campaign
import Store

extension OpenAPIComponents {
    static let schemeFields: [String: Schema] = [
        "weights": .record(Dictionary(uniqueKeysWithValues: Indicator.allCases.map { ($0.rawValue, Schema.number) })),
        "quarter_shares": .array(.number), "cap": .number, "annual_weight": .number, "quarterly_weight": .number,
        "late_report_penalty": .number, "late_report_penalty_cap": .number, "report_deadline_day": .boundedInteger(minimum: 1, maximum: 28),
    ]

    /// Schemes, assessment runs, rankings and early warnings.
    static let assessmentSchemas: [String: Schema] = [
        // An absent key takes the default scheme's value; a present `weights` names all five indicators.
        "SchemeInput": .object(schemeFields, required: []),
        "Scheme": .record(schemeFields),
        "AssessmentInput": .record(["year": .integer, "period": .choice(Period.self)]),
        "AssessmentQueued": .record(["id": .id, "status": .choice(AssessmentRunRecord.Status.self)]),
        "Assessment": .record([
            "id": .id, "year": .integer, "period": .choice(Period.self),
            "status": .choice(AssessmentRunRecord.Status.self), "created_at": .timestamp,
            "started_at": .nullable(.timestamp), "finished_at": .nullable(.timestamp), "published_at": .nullable(.timestamp),
            "error": .nullable(.text), "results": .nullable(.ref("RankingGroups")),
        ]),
        "AssessmentRun": AssessmentController.RunSummary.schema,
        "AgencyRef": .record(["id": .id, "code": .text, "name": .text]),
        "RankingEntry": .object([
            "rank": .nullable(.integer), "agency": .ref("AgencyRef"), "score": .nullable(.number), "provisional": .boolean,
            "indicators": .array(.record([
                "code": .choice(Indicator.self), "actual": .number, "target": .nullable(.number),
                "ratio": .nullable(.number), "points": .nullable(.number),
            ])),
            "deduction": .number, "commended": .boolean, "accountable": .boolean,
            "missed": .array(.choice(Indicator.self)), "behind": .array(.choice(Indicator.self)),
            // Year runs only.
            "year_score": .nullable(.number), "quarter_scores": .array(.nullable(.number)),
        ], required: [
            "rank", "agency", "score", "provisional", "indicators", "deduction", "commended", "accountable", "missed", "behind",
        ]),
        "RankingGroups": .record(["department": .array(.ref("RankingEntry")), "district": .array(.ref("RankingEntry"))]),
        "Ranking": .record([
            "assessment_id": .id, "year": .integer, "period": .choice(Period.self), "groups": .ref("RankingGroups"),
        ]),
        "Warnings": .record([
            "year": .integer, "as_of": .date, "month": .nullable(.month),
            "indicators": .array(.record([
                "agency": .ref("AgencyRef"), "group": .choice(AssessmentGroup.self), "code": .choice(Indicator.self),
                "actual": .number, "target": .number, "ratio": .number,
            ])),
            "projects": .array(.record([
                "reason": .choice(WarningQueries.ProjectWarning.Reason.self),
                "project": .record(["id": .id, "code": .text, "name": .text]),
                "district_id": .id, "lead_department_id": .id,
                "month": .nullable(.month), "planned_start": .nullable(.date), "planned_completion": .nullable(.date),
                "ratio": .nullable(.number), "problem_id": .nullable(.id), "due_on": .nullable(.date),
            ])),
        ]),
    ]
}
