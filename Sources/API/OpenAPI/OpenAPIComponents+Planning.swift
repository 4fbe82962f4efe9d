import Campaign

extension OpenAPIComponents {
    /// Each indicator's amount in 万元, or null.
    static let indicatorAmounts: [String: Schema] = Dictionary(
        uniqueKeysWithValues: Indicator.allCases.map { ($0.rawValue, Schema.nullable(.number)) }
    )

    /// Category lead departments, targets and statistical FAI.
    static let planningSchemas: [String: Schema] = [
        "CategoryLeadInput": .record(["department_id": .integer]),
        "CategoryLead": stored(["category": .choice(ProjectCategory.self), "department_id": .integer]),
        "TargetsInput": .object(indicatorAmounts, required: []),
        "Targets": stored(indicatorAmounts.merging(["year": .integer, "agency_id": .integer]) { $1 }),
        "FAIStatisticInput": .record(["amount": .number]),
        "FAIStatistic": stored(["id": .integer, "agency_id": .integer, "month": .month, "amount": .number]),
    ]
}
