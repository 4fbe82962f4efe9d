import Campaign
import Foundation

/// The fields of a park that a client writes.
public struct ParkFields: Sendable, Equatable, JSONObject {
    public var name: String
    public var districtID: Int64
    public var standard: ParkStandard

    public init(name: String, districtID: Int64, standard: ParkStandard) {
        self.name = name
        self.districtID = districtID
        self.standard = standard
    }

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("name", name)
        try writer.write("district_id", districtID)
        try writer.write("standard", standard)
    }
}

/// A stored park with how ready its infrastructure is.
public struct ParkRecord: Sendable, Equatable, JSONObject {
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

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try fields.writeMembers(to: &writer)
        try writer.write("id", id)
        try writer.write("version", version)
        try writer.write("updated_at", updatedAt)
        try writer.write("items_total", itemsTotal)
        try writer.write("items_done", itemsDone)
        try writer.write("readiness", readiness)
        try writer.write("planned_investment", plannedInvestment)
        try writer.write("completed_investment", completedInvestment)
    }
}

/// The fields of a park infrastructure item that a client writes.
public struct ParkItemFields: Sendable, Equatable, JSONObject {
    public var status: ParkItemStatus
    public var plannedInvestment: Decimal
    public var completedInvestment: Decimal

    public init(status: ParkItemStatus, plannedInvestment: Decimal, completedInvestment: Decimal) {
        self.status = status
        self.plannedInvestment = plannedInvestment
        self.completedInvestment = completedInvestment
    }

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("status", status)
        try writer.write("planned_investment", plannedInvestment)
        try writer.write("completed_investment", completedInvestment)
    }
}

/// A stored infrastructure item of a park.
public struct ParkItemRecord: Sendable, Equatable, JSONObject {
    public var id: Int64
    public var version: Int
    public var parkID: Int64
    public var item: ParkItem
    public var fields: ParkItemFields
    public var updatedAt: Date

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try fields.writeMembers(to: &writer)
        try writer.write("id", id)
        try writer.write("version", version)
        try writer.write("park_id", parkID)
        try writer.write("item", item)
        try writer.write("updated_at", updatedAt)
    }
}
