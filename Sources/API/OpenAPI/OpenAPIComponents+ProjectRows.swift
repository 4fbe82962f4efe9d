import Campaign
import Store

extension OpenAPIComponents {
    /// The rows under a project: monthly reports, history, funding, approvals, problems; and
    /// the financing platforms funding names.
    static let projectRowSchemas: [String: Schema] = [
        "MonthlyReportInput": MonthlyReportFields.schema(required: ["investment_completed"]),
        "MonthlyReport": MonthlyReportRecord.schema,
        "MonthlyReportRow": ProjectScoped<MonthlyReportRecord>.schema,
        // `user` and `row_id` are null when there is none (a change made outside the API).
        // `changes`: {column: {old, new, label, old_display, new_display}}; `source`: the import
        // that wrote the row ({import_id, row, display}) or null.
        "HistoryEntry": .record([
            "id": .id, "at": .timestamp, "user": .nullable(.ref("UserReference")), "changed_by": .nullable(.ref("UserReference")),
            "action": .text, "table": .text, "row_id": .nullable(.id), "changes": .any, "source": .any,
        ]),
        "FundingInput": FundingFields.schema(required: ["kind"]),
        "FundingPatch": FundingFields.schema(required: []),
        "Funding": FundingRecord.schema,
        "ApprovalInput": ApprovalFields.schema(required: ["kind", "department_id"]),
        "ApprovalPatch": ApprovalFields.schema(required: []),
        "Approval": ApprovalRecord.schema,
        "ImportSummary": ImportQueries.Summary.schema,
        "Import": ImportRecord.schema,
        "ApprovalRow": ProjectScoped<ApprovalRecord>.schema,
        "ProjectProblemInput": ProblemFields.schema(required: ["kind", "description"]),
        "ProjectProblemPatch": ProblemFields.schema(required: []),
        "ProjectProblem": ProblemRecord.schema,
        "FinancingPlatformInput": .object(["name": .text, "note": .nullable(.text)], required: ["name"]),
        "FinancingPlatform": FinancingPlatformRecord.schema,
    ]
}
