import Campaign
import Store

/// Reads a funding source: `{"kind","platform_id","planned_amount","amount_in_place"}`.
enum FundingBody {
    static func create(_ body: inout RequestBody) throws -> FundingFields {
        let kind: FundingKind? = body.choice("kind")
        var fields = FundingFields(kind: kind ?? .other, platformID: nil, plannedAmount: 0, amountInPlace: 0)
        apply(&body, to: &fields)
        try finish(&body, fields)
        return fields
    }

    static func patch(_ body: inout RequestBody, onto current: FundingFields) throws -> FundingFields {
        var fields = current
        if body.present("kind"), let kind: FundingKind = body.choice("kind") {
            fields.kind = kind
            if kind != .platform, !body.present("platform_id") { fields.platformID = nil }
        }
        apply(&body, to: &fields)
        try finish(&body, fields)
        return fields
    }

    private static func apply(_ body: inout RequestBody, to fields: inout FundingFields) {
        if body.present("platform_id") { fields.platformID = body.id("platform_id", required: false, nullable: true) }
        if body.present("planned_amount"), let value = body.money("planned_amount") { fields.plannedAmount = value.amount }
        if body.present("amount_in_place"), let value = body.money("amount_in_place") { fields.amountInPlace = value.amount }
    }

    /// A `platform` source names its financing platform; no other kind does.
    private static func finish(_ body: inout RequestBody, _ fields: FundingFields) throws {
        if body.validator.isValid {
            if fields.kind == .platform, fields.platformID == nil {
                body.validator.add("platform_id", .platformRequired)
            } else if fields.kind != .platform, fields.platformID != nil {
                body.validator.add("platform_id", .platformOnlyForPlatform)
            }
        }
        try body.finish()
    }
}
