import Campaign
import Store

extension OpenAPIComponents {
    /// Each indicator's amount in 万元, or null.
    static let indicatorAmounts: [String: Schema] = Dictionary(
        uniqueKeysWithValues: Indicator.allCases.map { ($0.rawValue, Schema.nullable(.number)) }
    )

    /// Category lead departments, targets and statistical FAI.
    static let planningSchemas: [String: Schema] = [
        "CategoryLeadInput": .record(["department_id": .id]),
        "CategoryLead": CategoryLeadRecord.schema,
        "TargetsInput": .object(indicatorAmounts, required: []),
        "Targets": TargetRecord.schema,
        "FAIStatisticInput": .record(["amount": .number]),
        "FAIStatistic": FAIStatisticRecord.schema,
    ]
}
