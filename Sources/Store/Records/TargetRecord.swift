import Campaign
import Foundation

/// An agency's annual targets: one optional amount per indicator, stored one row per indicator.
/// Its version is the highest version of its rows, so every replacement moves it on.
public struct TargetRecord: Sendable, Equatable, JSONObject {
    public var year: Int
    public var agencyID: Int64
    public var amounts: [Indicator: Decimal?]
    public var version: Int
    public var updatedAt: Date

    /// The record's members, then one per indicator (null when no target is set).
    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("year", year)
        try writer.write("agency_id", agencyID)
        try writer.write("version", version)
        try writer.write("updated_at", updatedAt)
        for indicator in Indicator.allCases {
            try writer.write(indicator.rawValue, amounts[indicator] ?? nil)
        }
    }
}

/// A district's statistical fixed-asset investment in one month (万元).
public struct FAIStatisticRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var version: Int
    public var agencyID: Int64
    public var month: Month
    public var amount: Decimal
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, version, month, amount
        case agencyID = "agency_id", updatedAt = "updated_at"
    }
}
