import Campaign
import Foundation

/// An investment-attraction team (招商小分队) led by a department.
public struct TeamRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var version: Int
    public var name: String
    public var leadDepartmentID: Int64
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, version, name
        case leadDepartmentID = "lead_department_id", updatedAt = "updated_at"
    }
}

/// The fields of a deal that a client writes.
public struct DealFields: Sendable, Equatable, Codable {
    public var teamID: Int64
    public var investor: String
    public var investorKind: InvestorKind
    public var signedAmount: Decimal
    public var signedOn: CalendarDate
    public var districtID: Int64
    public var projectID: Int64?

    enum CodingKeys: String, CodingKey {
        case investor
        case teamID = "team_id", investorKind = "investor_kind", signedAmount = "signed_amount"
        case signedOn = "signed_on", districtID = "district_id", projectID = "project_id"
    }

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

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(teamID, forKey: .teamID)
        try container.encode(investor, forKey: .investor)
        try container.encode(investorKind, forKey: .investorKind)
        try container.encode(signedAmount, forKey: .signedAmount)
        try container.encode(signedOn, forKey: .signedOn)
        try container.encode(districtID, forKey: .districtID)
        try container.encode(projectID, forKey: .projectID)
    }
}

/// A stored deal with the funds in place so far (the sum of its receipts).
public struct DealRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var version: Int
    public var fields: DealFields
    public var fundsInPlace: Decimal
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, version
        case fundsInPlace = "funds_in_place", updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        try fields.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encode(fundsInPlace, forKey: .fundsInPlace)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

/// Funds of a deal received on a date (到位资金).
public struct ReceiptRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var version: Int
    public var dealID: Int64
    public var receivedOn: CalendarDate
    public var amount: Decimal
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, version, amount
        case dealID = "deal_id", receivedOn = "received_on", updatedAt = "updated_at"
    }
}
