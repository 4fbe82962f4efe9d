import Campaign
import Foundation

/// A year's construction-land quota in 亩, with what the caller can see allocated from it.
public struct LandQuotaRecord: Sendable, Equatable, JSONRecord {
    public var year: Int
    public var version: Int
    public var quota: Decimal
    public var reserved: Decimal
    /// Allocated outside the reserve, over the allocations the caller can see.
    public var allocated: Decimal
    /// Allocated from the reserve, over the allocations the caller can see.
    public var allocatedFromReserve: Decimal
    public var updatedAt: Date

    public static let members: [JSONMember<Self>] = [
        .integer("year") { $0.year },
        .integer("version") { $0.version },
        .number("quota_mu") { $0.quota },
        .number("reserved_mu") { $0.reserved },
        .number("allocated_mu") { $0.allocated },
        .number("allocated_reserve_mu") { $0.allocatedFromReserve },
        .timestamp("updated_at") { $0.updatedAt },
    ]
}

/// The fields of a land allocation that a client writes.
public struct LandAllocationFields: Sendable, Equatable {
    public var year: Int
    public var projectID: Int64
    public var area: Decimal
    public var fromReserve: Bool

    public init(year: Int, projectID: Int64, area: Decimal, fromReserve: Bool) {
        self.year = year
        self.projectID = projectID
        self.area = area
        self.fromReserve = fromReserve
    }
}

/// A stored allocation of land from a year's quota to a project.
public struct LandAllocationRecord: Sendable, Equatable, JSONRecord {
    public var id: Int64
    public var version: Int
    public var year: Int
    public var projectID: Int64
    public var area: Decimal
    public var fromReserve: Bool
    public var updatedAt: Date

    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .integer("version") { $0.version },
        .integer("year") { $0.year },
        .id("project_id") { $0.projectID },
        .number("area_mu") { $0.area },
        .boolean("from_reserve") { $0.fromReserve },
        .timestamp("updated_at") { $0.updatedAt },
    ]
}
