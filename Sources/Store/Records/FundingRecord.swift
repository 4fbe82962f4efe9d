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
public struct FundingRecord: Sendable, Equatable, JSONObject {
    public var id: Int64
    public var projectID: Int64
    public var fields: FundingFields
    public var version: Int
    public var updatedAt: Date

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("id", id)
        try writer.write("project_id", projectID)
        try writer.write("kind", fields.kind)
        try writer.write("platform_id", fields.platformID)
        try writer.write("planned_amount", fields.plannedAmount)
        try writer.write("amount_in_place", fields.amountInPlace)
        try writer.write("version", version)
        try writer.write("updated_at", updatedAt)
    }
}
