import Campaign
import Foundation

/// An agency's annual targets: one optional amount per indicator, stored one row per indicator.
/// Its version is the highest version of its rows, so every replacement moves it on.
public struct TargetRecord: Sendable, Equatable, Encodable {
    public var year: Int
    public var agencyID: Int64
    public var amounts: [Indicator: Decimal?]
    public var version: Int
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case year, version
        case agencyID = "agency_id", updatedAt = "updated_at"
    }

    struct IndicatorKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(agencyID, forKey: .agencyID)
        try container.encode(version, forKey: .version)
        try container.encode(updatedAt, forKey: .updatedAt)
        var indicators = encoder.container(keyedBy: IndicatorKey.self)
        for indicator in Indicator.allCases {
            try indicators.encode(amounts[indicator] ?? nil, forKey: IndicatorKey(stringValue: indicator.rawValue))
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
