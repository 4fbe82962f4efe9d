import Campaign
import Foundation
import Store

/// Reads park and park-item bodies.
enum ParkBody {
    /// A new park: `name`, `district_id`, `standard`.
    static func create(_ body: inout RequestBody) throws -> ParkFields {
        let name = body.string("name", maxLength: 200)
        let districtID = body.id("district_id")
        let standard: ParkStandard? = body.choice("standard")
        try body.finish()
        return ParkFields(name: name ?? "", districtID: districtID ?? 0, standard: standard ?? .sixOne)
    }

    /// `current` with the fields the client sent replaced.
    static func patch(_ body: inout RequestBody, onto current: ParkFields) throws -> ParkFields {
        var fields = current
        if body.present("name"), let value = body.string("name", maxLength: 200) { fields.name = value }
        if body.present("district_id"), let value = body.id("district_id") { fields.districtID = value }
        if body.present("standard"), let value: ParkStandard = body.choice("standard") { fields.standard = value }
        try body.finish()
        return fields
    }

    /// An item's state: `status` (required), `planned_investment` and `completed_investment`
    /// (money, 0 when omitted).
    static func item(_ body: inout RequestBody) throws -> ParkItemFields {
        let status: ParkItemStatus? = body.choice("status")
        let planned = body.money("planned_investment", required: false)
        let completed = body.money("completed_investment", required: false)
        try body.finish()
        return ParkItemFields(
            status: status ?? .planned, plannedInvestment: planned?.amount ?? 0, completedInvestment: completed?.amount ?? 0
        )
    }
}
