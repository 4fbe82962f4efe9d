import Campaign
import Store

extension OpenAPIComponents {
    static let teamFields: [String: Schema] = ["name": .text, "lead_department_id": .id]

    static let receiptFields: [String: Schema] = ["received_on": .date, "amount": .number]

    /// Investment-attraction teams, their deals and the funds received for them.
    static let attractionSchemas: [String: Schema] = [
        "TeamInput": .record(teamFields),
        "TeamPatch": patch(teamFields),
        "Team": TeamRecord.schema,
        "DealInput": DealFields.schema(required: DealFields.properties.keys.filter { $0 != "project_id" }.sorted()),
        "DealPatch": DealFields.schema(required: []),
        "Deal": DealRecord.schema,
        "ReceiptInput": .record(receiptFields),
        "Receipt": ReceiptRecord.schema,
    ]
}
