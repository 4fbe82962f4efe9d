import Campaign
import Foundation

/// An agency's annual targets: one optional amount per indicator, stored one row per indicator.
/// Its version is the highest version of its rows, so every replacement moves it on.
public struct TargetRecord: Sendable, Equatable {
    public var year: Int
    public var agencyID: Int64
    public var amounts: [Indicator: Decimal?]
    public var version: Int
    public var updatedAt: Date
}

/// A district's statistical fixed-asset investment in one month (万元).
public struct FAIStatisticRecord: Sendable, Equatable, JSONRecord {
    public var id: Int64
    public var version: Int
    public var agencyID: Int64
    public var month: Month
    public var amount: Decimal
    public var updatedAt: Date

    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .integer("version") { $0.version },
        .month("month") { $0.month },
        .number("amount") { $0.amount },
        .id("agency_id") { $0.agencyID },
        .timestamp("updated_at") { $0.updatedAt },
    ]
}

extension TargetRecord: JSONRecord {
    /// Each indicator's amount in 万元 (null when not set) after the stored members.
    public static let members: [JSONMember<Self>] = [
        .integer("year") { $0.year },
        .id("agency_id") { $0.agencyID },
        .integer("version") { $0.version },
        .timestamp("updated_at") { $0.updatedAt },
    ] + Indicator.allCases.map { indicator in .number(indicator.rawValue) { $0.amounts[indicator] ?? nil } }
}
