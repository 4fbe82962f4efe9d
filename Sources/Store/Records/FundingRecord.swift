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
public struct FundingRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var projectID: Int64
    public var fields: FundingFields
    public var version: Int
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, version
        case projectID = "project_id", platformID = "platform_id", plannedAmount = "planned_amount"
        case amountInPlace = "amount_in_place", updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(projectID, forKey: .projectID)
        try container.encode(fields.kind, forKey: .kind)
        try container.encode(fields.platformID, forKey: .platformID)
        try container.encode(fields.plannedAmount, forKey: .plannedAmount)
        try container.encode(fields.amountInPlace, forKey: .amountInPlace)
        try container.encode(version, forKey: .version)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
