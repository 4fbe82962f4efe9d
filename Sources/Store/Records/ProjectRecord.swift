import Campaign
import Foundation

/// The fields of a project that a client writes (CONTRACT.md's project body).
public struct ProjectFields: Sendable, Equatable, JSONObject {
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
    /// The national project code (项目代码, `YYYY-DDDDDD-II-TT-NNNNNN`); required from `new_start` on.
    public var nationalCode: String?

    /// Every field is written, absent ones as null, like every other resource.
    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("code", code)
        try writer.write("name", name)
        try writer.write("owner", owner)
        try writer.write("category", category)
        try writer.write("industry", industry)
        try writer.write("stage", stage)
        try writer.write("major", major)
        try writer.write("district_id", districtID)
        try writer.write("lead_department_id", leadDepartmentID)
        try writer.write("park_id", parkID)
        try writer.write("total_investment", totalInvestment)
        try writer.write("planned_start", plannedStart)
        try writer.write("planned_completion", plannedCompletion)
        try writer.write("actual_start", actualStart)
        try writer.write("actual_completion", actualCompletion)
        try writer.write("land_area", landArea)
        try writer.write("eia_class", eiaClass)
        try writer.write("green_channel", greenChannel)
        try writer.write("central_soe", centralSOE)
        try writer.write("national_code", nationalCode)
    }

    public init(
        code: String, name: String, owner: String, category: ProjectCategory, industry: String?, stage: Stage,
        major: Bool, districtID: Int64, leadDepartmentID: Int64?, parkID: Int64?, totalInvestment: Decimal,
        plannedStart: CalendarDate?, plannedCompletion: CalendarDate?, actualStart: CalendarDate?,
        actualCompletion: CalendarDate?, landArea: Decimal?, eiaClass: String?, greenChannel: Bool, centralSOE: Bool,
        nationalCode: String? = nil
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
        self.nationalCode = nationalCode
    }
}

/// A stored project: its fields, id and version, and the money it has reported this year.
public struct ProjectRecord: Sendable, Equatable, JSONObject {
    public var id: Int64
    public var version: Int
    public var fields: ProjectFields
    public var updatedAt: Date
    /// Investment completed from 1 January of the current year, from monthly reports.
    public var yearToDateInvestment: Decimal?

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try fields.writeMembers(to: &writer)
        try writer.write("id", id)
        try writer.write("version", version)
        try writer.write("updated_at", updatedAt)
        if let yearToDateInvestment {
            try writer.write("year_to_date_investment", yearToDateInvestment)
            let share = fields.totalInvestment > 0 ? (yearToDateInvestment / fields.totalInvestment).rounded(places: 4) : nil
            try writer.write("year_to_date_share", share)
        }
    }
}
