import Campaign
import Foundation

/// A project's funding source (资金来源) as a client writes it.
public struct FundingFields: Sendable, Equatable {
    public var kind: FundingKind
    /// The financing platform; set exactly when `kind` is `platform`.
    public var platformID: Int64?
    public var plannedAmount: Decimal
    public var amountInPlace: Decimal

    public init(kind: FundingKind, platformID: Int64?, plannedAmount: Decimal, amountInPlace: Decimal) {
        self.kind = kind
        self.platformID = platformID
        self.plannedAmount = plannedAmount
        self.amountInPlace = amountInPlace
    }
}

/// A stored funding source.
public struct FundingRecord: Sendable, Equatable {
    public var id: Int64
    public var projectID: Int64
    public var fields: FundingFields
    public var version: Int
    public var updatedAt: Date
}

extension FundingFields: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .choice("kind") { $0.kind },
        .id("platform_id") { $0.platformID },
        .number("planned_amount") { $0.plannedAmount },
        .number("amount_in_place") { $0.amountInPlace },
    ]
}

extension FundingRecord: JSONRecord {
    public static let members: [JSONMember<Self>] = rowMembers()
}
