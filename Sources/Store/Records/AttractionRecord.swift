import Campaign
import Foundation

/// An investment-attraction team (招商小分队) led by a department.
public struct TeamRecord: Sendable, Equatable, JSONRecord {
    public var id: Int64
    public var version: Int
    public var name: String
    public var leadDepartmentID: Int64
    public var updatedAt: Date

    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .integer("version") { $0.version },
        .text("name") { $0.name },
        .id("lead_department_id") { $0.leadDepartmentID },
        .timestamp("updated_at") { $0.updatedAt },
    ]
}

/// The fields of a deal that a client writes.
public struct DealFields: Sendable, Equatable {
    public var teamID: Int64
    public var investor: String
    public var investorKind: InvestorKind
    public var signedAmount: Decimal
    public var signedOn: CalendarDate
    public var districtID: Int64
    public var projectID: Int64?

    public init(
        teamID: Int64, investor: String, investorKind: InvestorKind, signedAmount: Decimal, signedOn: CalendarDate,
        districtID: Int64, projectID: Int64?
    ) {
        self.teamID = teamID
        self.investor = investor
        self.investorKind = investorKind
        self.signedAmount = signedAmount
        self.signedOn = signedOn
        self.districtID = districtID
        self.projectID = projectID
    }
}

/// A stored deal with the funds in place so far (the sum of its receipts).
public struct DealRecord: Sendable, Equatable {
    public var id: Int64
    public var version: Int
    public var fields: DealFields
    public var fundsInPlace: Decimal
    public var updatedAt: Date
}

/// Funds of a deal received on a date (到位资金).
public struct ReceiptRecord: Sendable, Equatable, JSONRecord {
    public var id: Int64
    public var version: Int
    public var dealID: Int64
    public var receivedOn: CalendarDate
    public var amount: Decimal
    public var updatedAt: Date

    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .integer("version") { $0.version },
        .number("amount") { $0.amount },
        .id("deal_id") { $0.dealID },
        .date("received_on") { $0.receivedOn },
        .timestamp("updated_at") { $0.updatedAt },
    ]
}

extension DealFields: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .id("team_id") { $0.teamID },
        .text("investor") { $0.investor },
        .choice("investor_kind") { $0.investorKind },
        .number("signed_amount") { $0.signedAmount },
        .date("signed_on") { $0.signedOn },
        .id("district_id") { $0.districtID },
        .id("project_id") { $0.projectID },
    ]
}

extension DealRecord: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .inline { $0.fields },
        .id("id") { $0.id },
        .integer("version") { $0.version },
        .number("funds_in_place") { $0.fundsInPlace },
        .timestamp("updated_at") { $0.updatedAt },
    ]
}
