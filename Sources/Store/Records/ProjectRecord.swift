import Campaign
import Foundation

/// The fields of a project that a client writes (CONTRACT.md's project body).
public struct ProjectFields: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var owner: String
    public var category: ProjectCategory
    public var industry: String?
    public var stage: Stage
    public var major: Bool
    public var districtID: Int64
    public var leadDepartmentID: Int64?
    public var parkID: Int64?
    public var totalInvestment: Decimal
    public var plannedStart: CalendarDate?
    public var plannedCompletion: CalendarDate?
    public var actualStart: CalendarDate?
    public var actualCompletion: CalendarDate?
    public var landArea: Decimal?
    public var eiaClass: String?
    public var greenChannel: Bool
    public var centralSOE: Bool

    enum CodingKeys: String, CodingKey {
        case code, name, owner, category, industry, stage, major
        case districtID = "district_id", leadDepartmentID = "lead_department_id", parkID = "park_id"
        case totalInvestment = "total_investment", plannedStart = "planned_start"
        case plannedCompletion = "planned_completion", actualStart = "actual_start"
        case actualCompletion = "actual_completion", landArea = "land_area", eiaClass = "eia_class"
        case greenChannel = "green_channel", centralSOE = "central_soe"
    }

    /// Every field is written, absent ones as null, like every other resource.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(owner, forKey: .owner)
        try container.encode(category, forKey: .category)
        try container.encode(industry, forKey: .industry)
        try container.encode(stage, forKey: .stage)
        try container.encode(major, forKey: .major)
        try container.encode(districtID, forKey: .districtID)
        try container.encode(leadDepartmentID, forKey: .leadDepartmentID)
        try container.encode(parkID, forKey: .parkID)
        try container.encode(totalInvestment, forKey: .totalInvestment)
        try container.encode(plannedStart, forKey: .plannedStart)
        try container.encode(plannedCompletion, forKey: .plannedCompletion)
        try container.encode(actualStart, forKey: .actualStart)
        try container.encode(actualCompletion, forKey: .actualCompletion)
        try container.encode(landArea, forKey: .landArea)
        try container.encode(eiaClass, forKey: .eiaClass)
        try container.encode(greenChannel, forKey: .greenChannel)
        try container.encode(centralSOE, forKey: .centralSOE)
    }

    public init(
        code: String, name: String, owner: String, category: ProjectCategory, industry: String?, stage: Stage,
        major: Bool, districtID: Int64, leadDepartmentID: Int64?, parkID: Int64?, totalInvestment: Decimal,
        plannedStart: CalendarDate?, plannedCompletion: CalendarDate?, actualStart: CalendarDate?,
        actualCompletion: CalendarDate?, landArea: Decimal?, eiaClass: String?, greenChannel: Bool, centralSOE: Bool
    ) {
        self.code = code
        self.name = name
        self.owner = owner
        self.category = category
        self.industry = industry
        self.stage = stage
        self.major = major
        self.districtID = districtID
        self.leadDepartmentID = leadDepartmentID
        self.parkID = parkID
        self.totalInvestment = totalInvestment
        self.plannedStart = plannedStart
        self.plannedCompletion = plannedCompletion
        self.actualStart = actualStart
        self.actualCompletion = actualCompletion
        self.landArea = landArea
        self.eiaClass = eiaClass
        self.greenChannel = greenChannel
        self.centralSOE = centralSOE
    }
}

/// A stored project: its fields, id and version, and the money it has reported this year.
public struct ProjectRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var version: Int
    public var fields: ProjectFields
    public var updatedAt: Date
    /// Investment completed from 1 January of the current year, from monthly reports.
    public var yearToDateInvestment: Decimal?

    enum CodingKeys: String, CodingKey {
        case id, version
        case updatedAt = "updated_at"
        case yearToDateInvestment = "year_to_date_investment"
        case yearToDateShare = "year_to_date_share"
    }

    public func encode(to encoder: any Encoder) throws {
        try fields.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encode(updatedAt, forKey: .updatedAt)
        if let yearToDateInvestment {
            try container.encode(yearToDateInvestment, forKey: .yearToDateInvestment)
            let share = fields.totalInvestment > 0 ? (yearToDateInvestment / fields.totalInvestment).rounded(places: 4) : nil
            try container.encode(share, forKey: .yearToDateShare)
        }
    }
}
