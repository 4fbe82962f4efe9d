import Campaign
import Foundation
import Store

/// Reads investment-attraction bodies: teams, deals and receipts.
enum AttractionBody {
    /// A team: `name` and `lead_department_id`; for PATCH, those sent replace `current`.
    static func team(_ body: inout RequestBody, onto current: (name: String, leadDepartmentID: Int64)? = nil) throws -> (name: String, leadDepartmentID: Int64) {
        var result = current ?? ("", 0)
        if current == nil || body.present("name"), let value = body.string("name", maxLength: 200) { result.name = value }
        if current == nil || body.present("lead_department_id"), let value = body.id("lead_department_id") { result.leadDepartmentID = value }
        try body.finish()
        return result
    }

    /// A new deal; `project_id` may be omitted or null.
    static func createDeal(_ body: inout RequestBody) throws -> DealFields {
        let teamID = body.id("team_id")
        let investor = body.string("investor", maxLength: 300)
        let kind: InvestorKind? = body.choice("investor_kind")
        let amount = body.money("signed_amount")
        let signedOn = body.date("signed_on")
        let districtID = body.id("district_id")
        let projectID = body.id("project_id", required: false, nullable: true)
        try body.finish()
        return DealFields(
            teamID: teamID ?? 0, investor: investor ?? "", investorKind: kind ?? .other, signedAmount: amount?.amount ?? 0,
            signedOn: signedOn ?? CalendarDate(year: 2000, month: 1, day: 1)!, districtID: districtID ?? 0, projectID: projectID
        )
    }

    /// `current` with the fields the client sent replaced.
    static func patchDeal(_ body: inout RequestBody, onto current: DealFields) throws -> DealFields {
        var fields = current
        if body.present("team_id"), let value = body.id("team_id") { fields.teamID = value }
        if body.present("investor"), let value = body.string("investor", maxLength: 300) { fields.investor = value }
        if body.present("investor_kind"), let value: InvestorKind = body.choice("investor_kind") { fields.investorKind = value }
        if body.present("signed_amount"), let value = body.money("signed_amount") { fields.signedAmount = value.amount }
        if body.present("signed_on"), let value = body.date("signed_on") { fields.signedOn = value }
        if body.present("district_id"), let value = body.id("district_id") { fields.districtID = value }
        if body.present("project_id") { fields.projectID = body.id("project_id", required: false, nullable: true) }
        try body.finish()
        return fields
    }

    /// A receipt: `received_on` and `amount`.
    static func receipt(_ body: inout RequestBody) throws -> (receivedOn: CalendarDate, amount: Decimal) {
        let receivedOn = body.date("received_on")
        let amount = body.money("amount")
        try body.finish()
        guard let receivedOn, let amount else { throw Problem.invalid(body.validator.errors) }
        return (receivedOn, amount.amount)
    }
}
