import Foundation

/// A year's construction-land quota in 亩, with what the caller can see allocated from it.
public struct LandQuotaRecord: Sendable, Equatable, Encodable {
    public var year: Int
    public var version: Int
    public var quota: Decimal
    public var reserved: Decimal
    /// Allocated outside the reserve, over the allocations the caller can see.
    public var allocated: Decimal
    /// Allocated from the reserve, over the allocations the caller can see.
    public var allocatedFromReserve: Decimal
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case year, version
        case quota = "quota_mu", reserved = "reserved_mu", allocated = "allocated_mu"
        case allocatedFromReserve = "allocated_reserve_mu", updatedAt = "updated_at"
    }
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
public struct LandAllocationRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var version: Int
    public var year: Int
    public var projectID: Int64
    public var area: Decimal
    public var fromReserve: Bool
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, version, year
        case projectID = "project_id", area = "area_mu", fromReserve = "from_reserve", updatedAt = "updated_at"
    }
}
