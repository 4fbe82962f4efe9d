import Campaign

extension OpenAPIComponents {
    static let teamFields: [String: Schema] = ["name": .text, "lead_department_id": .integer]

    static let dealFields: [String: Schema] = [
        "team_id": .integer, "investor": .text, "investor_kind": .choice(InvestorKind.self), "signed_amount": .number,
        "signed_on": .date, "district_id": .integer, "project_id": .nullable(.integer),
    ]

    static let receiptFields: [String: Schema] = ["received_on": .date, "amount": .number]

    /// Investment-attraction teams, their deals and the funds received for them.
    static let attractionSchemas: [String: Schema] = [
        "TeamInput": .record(teamFields),
        "TeamPatch": patch(teamFields),
        "Team": stored(teamFields.merging(["id": .integer]) { $1 }),
        "DealInput": .object(dealFields, required: dealFields.keys.filter { $0 != "project_id" }.sorted()),
        "DealPatch": patch(dealFields),
        "Deal": stored(dealFields.merging(["id": .integer, "funds_in_place": .number]) { $1 }),
        "ReceiptInput": .record(receiptFields),
        "Receipt": stored(receiptFields.merging(["id": .integer, "deal_id": .integer]) { $1 }),
    ]
}
