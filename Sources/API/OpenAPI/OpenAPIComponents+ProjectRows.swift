import Campaign

extension OpenAPIComponents {
    static let fundingFields: [String: Schema] = [
        "kind": .choice(FundingKind.self), "platform_id": .nullable(.id), "planned_amount": .number, "amount_in_place": .number,
    ]

    static let approvalFields: [String: Schema] = [
        "kind": .choice(ApprovalKind.self), "department_id": .id, "applied_on": .nullable(.date), "decided_on": .nullable(.date),
        "status": .choice(ApprovalStatus.self),
    ]

    static let problemFields: [String: Schema] = [
        "kind": .choice(ProblemKind.self), "description": .text, "department_id": .nullable(.id), "due_on": .nullable(.date),
        "status": .choice(ProblemStatus.self), "resolution": .nullable(.text), "resolved_on": .nullable(.date),
    ]

    /// A monthly report with its review (月报审核).
    static let monthlyReportFields: [String: Schema] = [
        "id": .id, "project_id": .id, "month": .month, "investment_completed": .number, "progress": .text,
        "problems": .text, "explanation": .text, "submitted_at": .timestamp, "submitted_by": .nullable(.ref("UserReference")), "version": .integer,
        "status": .choice(ReportStatus.self), "first_submitted_at": .timestamp, "review_comment": .nullable(.text),
        "reviewed_by": .nullable(.ref("UserReference")), "reviewed_at": .nullable(.timestamp),
    ]

    static let storedApprovalFields = approvalFields.merging(["id": .id, "project_id": .id, "processing_days": .nullable(.integer)]) { $1 }

    /// The rows under a project: monthly reports, history, funding, approvals, problems; and
    /// the financing platforms funding names.
    static let projectRowSchemas: [String: Schema] = [
        "MonthlyReportInput": .object(
            ["investment_completed": .number, "progress": .text, "problems": .text, "explanation": .text],
            required: ["investment_completed"]
        ),
        "MonthlyReport": .record(monthlyReportFields),
        "MonthlyReportRow": .record(monthlyReportFields.merging(["project": projectReference]) { $1 }),
        // `user` and `row_id` are null when there is none (a change made outside the API).
        // `changes`: {column: {old, new, label, old_display, new_display}}; `source`: the import
        // that wrote the row ({import_id, row, display}) or null.
        "HistoryEntry": .record([
            "id": .id, "at": .timestamp, "user": .nullable(.ref("UserReference")), "changed_by": .nullable(.ref("UserReference")),
            "action": .text, "table": .text, "row_id": .nullable(.id), "changes": .any, "source": .any,
        ]),
        "FundingInput": .object(fundingFields, required: ["kind"]),
        "FundingPatch": patch(fundingFields),
        "Funding": stored(fundingFields.merging(["id": .id, "project_id": .id]) { $1 }),
        "ApprovalInput": .object(approvalFields, required: ["kind", "department_id"]),
        "ApprovalPatch": patch(approvalFields),
        "Approval": stored(storedApprovalFields),
        "ImportSummary": .record([
            "import_id": .nullable(.id), "rows": .integer, "created": .integer, "replaced": .integer, "unchanged": .integer,
            "errors": .array(.any), "encoding": .nullable(.string(values: ["utf-8", "gb18030"])),
        ]),
        "Import": .record([
            "id": .id, "kind": .string(values: ["monthly_reports", "projects"]), "month": .nullable(.month), "file_name": .text,
            "sha256": .text, "rows": .integer, "created": .integer, "replaced": .integer, "unchanged": .integer,
            "agency_id": .id, "user": .nullable(.ref("UserReference")), "at": .timestamp,
        ]),
        "ApprovalRow": stored(storedApprovalFields.merging(["project": projectReference]) { $1 }),
        "ProjectProblemInput": .object(problemFields, required: ["kind", "description"]),
        "ProjectProblemPatch": patch(problemFields),
        "ProjectProblem": stored(problemFields.merging(["id": .id, "project_id": .id]) { $1 }),
        "FinancingPlatformInput": .object(["name": .text, "note": .nullable(.text)], required: ["name"]),
        // `note` is left out when there is none.
        "FinancingPlatform": .object(["id": .id, "name": .text, "note": .text, "version": .integer], required: ["id", "name", "version"]),
    ]
}
