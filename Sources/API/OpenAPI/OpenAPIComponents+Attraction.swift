import Campaign

extension OpenAPIComponents {
    static let teamFields: [String: Schema] = ["name": .text, "lead_department_id": .id]

    static let dealFields: [String: Schema] = [
        "team_id": .id, "investor": .text, "investor_kind": .choice(InvestorKind.self), "signed_amount": .number,
        "signed_on": .date, "district_id": .id, "project_id": .nullable(.id),
    ]

    static let receiptFields: [String: Schema] = ["received_on": .date, "amount": .number]

    /// Investment-attraction teams, their deals and the funds received for them.
    static let attractionSchemas: [String: Schema] = [
        "TeamInput": .record(teamFields),
        "TeamPatch": patch(teamFields),
        "Team": stored(teamFields.merging(["id": .id]) { $1 }),
        "DealInput": .object(dealFields, required: dealFields.keys.filter { $0 != "project_id" }.sorted()),
        "DealPatch": patch(dealFields),
        "Deal": stored(dealFields.merging(["id": .id, "funds_in_place": .number]) { $1 }),
        "ReceiptInput": .record(receiptFields),
        "Receipt": stored(receiptFields.merging(["id": .id, "deal_id": .id]) { $1 }),
    ]
}
