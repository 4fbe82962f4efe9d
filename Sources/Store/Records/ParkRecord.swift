import Campaign
import Foundation

/// The fields of a park that a client writes.
public struct ParkFields: Sendable, Equatable, Codable {
    public var name: String
    public var districtID: Int64
    public var standard: ParkStandard

    enum CodingKeys: String, CodingKey {
        case name, standard
        case districtID = "district_id"
    }

    public init(name: String, districtID: Int64, standard: ParkStandard) {
        self.name = name
        self.districtID = districtID
        self.standard = standard
    }
}

/// A stored park with how ready its infrastructure is.
public struct ParkRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var version: Int
    public var fields: ParkFields
    public var updatedAt: Date
    /// Items of the park's standard (7 or 9).
    public var itemsTotal: Int
    /// Items of the standard whose status is `done`.
    public var itemsDone: Int
    /// `itemsDone / itemsTotal`, rounded to four decimals.
    public var readiness: Decimal
    public var plannedInvestment: Decimal
    public var completedInvestment: Decimal

    enum CodingKeys: String, CodingKey {
        case id, version, readiness
        case updatedAt = "updated_at", itemsTotal = "items_total", itemsDone = "items_done"
        case plannedInvestment = "planned_investment", completedInvestment = "completed_investment"
    }

    public func encode(to encoder: any Encoder) throws {
        try fields.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(itemsTotal, forKey: .itemsTotal)
        try container.encode(itemsDone, forKey: .itemsDone)
        try container.encode(readiness, forKey: .readiness)
        try container.encode(plannedInvestment, forKey: .plannedInvestment)
        try container.encode(completedInvestment, forKey: .completedInvestment)
    }
}

/// The fields of a park infrastructure item that a client writes.
public struct ParkItemFields: Sendable, Equatable, Codable {
    public var status: ParkItemStatus
    public var plannedInvestment: Decimal
    public var completedInvestment: Decimal

    enum CodingKeys: String, CodingKey {
        case status
        case plannedInvestment = "planned_investment", completedInvestment = "completed_investment"
    }

    public init(status: ParkItemStatus, plannedInvestment: Decimal, completedInvestment: Decimal) {
        self.status = status
        self.plannedInvestment = plannedInvestment
        self.completedInvestment = completedInvestment
    }
}

/// A stored infrastructure item of a park.
public struct ParkItemRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var version: Int
    public var parkID: Int64
    public var item: ParkItem
    public var fields: ParkItemFields
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, version, item
        case parkID = "park_id", updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        try fields.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encode(parkID, forKey: .parkID)
        try container.encode(item, forKey: .item)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
