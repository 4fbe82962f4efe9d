import Campaign
import Foundation

/// The fields of a park that a client writes.
public struct ParkFields: Sendable, Equatable {
    public var name: String
    public var districtID: Int64
    public var standard: ParkStandard

    public init(name: String, districtID: Int64, standard: ParkStandard) {
        self.name = name
        self.districtID = districtID
        self.standard = standard
    }
}

/// A stored park with how ready its infrastructure is.
public struct ParkRecord: Sendable, Equatable {
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
}

/// The fields of a park infrastructure item that a client writes.
public struct ParkItemFields: Sendable, Equatable {
    public var status: ParkItemStatus
    public var plannedInvestment: Decimal
    public var completedInvestment: Decimal

    public init(status: ParkItemStatus, plannedInvestment: Decimal, completedInvestment: Decimal) {
        self.status = status
        self.plannedInvestment = plannedInvestment
        self.completedInvestment = completedInvestment
    }
}

/// A stored infrastructure item of a park.
public struct ParkItemRecord: Sendable, Equatable {
    public var id: Int64
    public var version: Int
    public var parkID: Int64
    public var item: ParkItem
    public var fields: ParkItemFields
    public var updatedAt: Date
}

extension ParkFields: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .text("name") { $0.name },
        .id("district_id") { $0.districtID },
        .choice("standard") { $0.standard },
    ]
}

extension ParkRecord: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .inline { $0.fields },
        .id("id") { $0.id },
        .integer("version") { $0.version },
        .timestamp("updated_at") { $0.updatedAt },
        .integer("items_total") { $0.itemsTotal },
        .integer("items_done") { $0.itemsDone },
        .number("readiness") { $0.readiness },
        .number("planned_investment") { $0.plannedInvestment },
        .number("completed_investment") { $0.completedInvestment },
    ]
}

extension ParkItemFields: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .choice("status") { $0.status },
        .number("planned_investment") { $0.plannedInvestment },
        .number("completed_investment") { $0.completedInvestment },
    ]
}

extension ParkItemRecord: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .inline { $0.fields },
        .id("id") { $0.id },
        .integer("version") { $0.version },
        .id("park_id") { $0.parkID },
        .choice("item") { $0.item },
        .timestamp("updated_at") { $0.updatedAt },
    ]
}
