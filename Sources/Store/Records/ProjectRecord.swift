import Campaign
import Foundation

/// The fields of a project that a client writes (CONTRACT.md's project body).
public struct ProjectFields: Sendable, Equatable {
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
public struct ProjectRecord: Sendable, Equatable {
    public var id: Int64
    public var version: Int
    public var fields: ProjectFields
    public var updatedAt: Date
    /// Investment completed from 1 January of the current year, from monthly reports.
    public var yearToDateInvestment: Decimal?
}

extension ProjectFields: JSONRecord {
    /// Every field is written, absent ones as null, like every other resource.
    public static let members: [JSONMember<Self>] = [
        .text("code") { $0.code },
        .text("name") { $0.name },
        .text("owner") { $0.owner },
        .choice("category") { $0.category },
        .text("industry") { $0.industry },
        .choice("stage") { $0.stage },
        .boolean("major") { $0.major },
        .id("district_id") { $0.districtID },
        .id("lead_department_id") { $0.leadDepartmentID },
        .id("park_id") { $0.parkID },
        .number("total_investment") { $0.totalInvestment },
        .date("planned_start") { $0.plannedStart },
        .date("planned_completion") { $0.plannedCompletion },
        .date("actual_start") { $0.actualStart },
        .date("actual_completion") { $0.actualCompletion },
        .number("land_area") { $0.landArea },
        .text("eia_class") { $0.eiaClass },
        .boolean("green_channel") { $0.greenChannel },
        .boolean("central_soe") { $0.centralSOE },
        .text("national_code", schema: .pattern("^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$")) { $0.nationalCode },
    ]
}

extension ProjectRecord: JSONRecord {
    /// The fields, then the stored members; `year_to_date_*` only where the year's money was read.
    public static let members: [JSONMember<Self>] = [
        .inline { $0.fields },
        .id("id") { $0.id },
        .integer("version") { $0.version },
        .timestamp("updated_at") { $0.updatedAt },
        .value("year_to_date_investment", schema: .number, alwaysPresent: false) { project in
            project.yearToDateInvestment.map { .decimal($0) } ?? .absent
        },
        .value("year_to_date_share", schema: .nullable(.number), alwaysPresent: false) { project in
            project.yearToDateInvestment.map { .decimal(project.share(of: $0)) } ?? .absent
        },
    ]

    /// `investment`'s share of the total investment, to 4 places; nil when the total is 0.
    func share(of investment: Decimal) -> Decimal? {
        fields.totalInvestment > 0 ? (investment / fields.totalInvestment).rounded(places: 4) : nil
    }
}
