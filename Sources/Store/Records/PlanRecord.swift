import Campaign
import Foundation

/// A project's annual investment plan (年度投资计划) as a client writes it.
public struct PlanFields: Sendable, Equatable {
    public var annualInvestment: Decimal
    /// The twelve monthly amounts, January first; they add up to `annualInvestment`.
    public var monthly: [Decimal]

    public init(annualInvestment: Decimal, monthly: [Decimal]) {
        self.annualInvestment = annualInvestment
        self.monthly = monthly
    }
}

/// A stored plan with its progress against the project's reports.
public struct PlanRecord: Sendable, Equatable {
    public var id: Int64
    public var projectID: Int64
    public var year: Int
    public var fields: PlanFields
    public var version: Int
    public var updatedAt: Date
    public var progress: PlanProgress
}

/// One row of `GET /plans`: a visible project's plan and where it stands to date.
public struct PlanSummary: Sendable, Equatable {
    public var project: ProjectReference
    public var districtID: Int64
    public var leadDepartmentID: Int64
    public var year: Int
    public var annualInvestment: Decimal
    public var planToDate: Decimal
    public var actualToDate: Decimal
    public var ratioToDate: Decimal?
    public var behind: Bool
}

/// A project as lists of other things name it: `{"id","code","name"}`.
public struct ProjectReference: Decodable, Sendable, Hashable {
    public var id: Int64
    public var code: String
    public var name: String

    public init(id: Int64, code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }
}

extension PlanFields: JSONRecord {
    /// The body of a PUT (`PlanInput`), and the middle of the record.
    public static let members: [JSONMember<Self>] = [
        .number("annual_investment") { $0.annualInvestment },
        .encoded("monthly", schema: .array(.number)) { $0.monthly },
    ]
}

extension PlanRecord: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .id("project_id") { $0.projectID },
        .year("year") { $0.year },
        .inline { $0.fields },
        .integer("version") { $0.version },
        .timestamp("updated_at") { $0.updatedAt },
        .month("through_month") { $0.progress.throughMonth },
        .number("ratio_to_date") { $0.progress.ratioToDate },
        .boolean("behind") { $0.progress.behind },
        .list("months") { $0.progress.months.map(PlanMonth.init) },
    ]

    /// `{"month","plan","actual","cumulative_plan","cumulative_actual"}`.
    struct PlanMonth: JSONRecord {
        var figures: PlanProgress.MonthFigures

        static let members: [JSONMember<Self>] = [
            .month("month") { $0.figures.month },
            .number("plan") { $0.figures.plan },
            .number("actual") { $0.figures.actual },
            .number("cumulative_plan") { $0.figures.cumulativePlan },
            .number("cumulative_actual") { $0.figures.cumulativeActual },
        ]
    }
}

extension PlanSummary: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .nested("project") { $0.project },
        .id("district_id") { $0.districtID },
        .id("lead_department_id") { $0.leadDepartmentID },
        .year("year") { $0.year },
        .number("annual_investment") { $0.annualInvestment },
        .number("plan_to_date") { $0.planToDate },
        .number("actual_to_date") { $0.actualToDate },
        .number("ratio_to_date") { $0.ratioToDate },
        .boolean("behind") { $0.behind },
    ]
}

extension ProjectReference: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .text("code") { $0.code },
        .text("name") { $0.name },
    ]
}
