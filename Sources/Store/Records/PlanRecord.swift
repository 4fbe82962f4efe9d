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
public struct PlanRecord: Sendable, Equatable, JSONObject {
    public var id: Int64
    public var projectID: Int64
    public var year: Int
    public var fields: PlanFields
    public var version: Int
    public var updatedAt: Date
    public var progress: PlanProgress

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("id", id)
        try writer.write("project_id", projectID)
        try writer.write("year", year)
        try writer.write("annual_investment", fields.annualInvestment)
        try writer.write("monthly", encoding: fields.monthly)
        try writer.write("version", version)
        try writer.write("updated_at", updatedAt)
        try writer.write("through_month", progress.throughMonth)
        try writer.write("ratio_to_date", progress.ratioToDate)
        try writer.write("behind", progress.behind)
        try writer.write("months", encoding: progress.months.map(PlanMonth.init))
    }

    /// `{"month","plan","actual","cumulative_plan","cumulative_actual"}`.
    struct PlanMonth: JSONObject {
        var figures: PlanProgress.MonthFigures

        func writeMembers(to writer: inout some JSONMemberWriter) throws {
            try writer.write("month", figures.month)
            try writer.write("plan", figures.plan)
            try writer.write("actual", figures.actual)
            try writer.write("cumulative_plan", figures.cumulativePlan)
            try writer.write("cumulative_actual", figures.cumulativeActual)
        }
    }
}

/// One row of `GET /plans`: a visible project's plan and where it stands to date.
public struct PlanSummary: Sendable, Equatable, JSONObject {
    public var project: ProjectReference
    public var districtID: Int64
    public var leadDepartmentID: Int64
    public var year: Int
    public var annualInvestment: Decimal
    public var planToDate: Decimal
    public var actualToDate: Decimal
    public var ratioToDate: Decimal?
    public var behind: Bool

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("project", encoding: project)
        try writer.write("district_id", districtID)
        try writer.write("lead_department_id", leadDepartmentID)
        try writer.write("year", year)
        try writer.write("annual_investment", annualInvestment)
        try writer.write("plan_to_date", planToDate)
        try writer.write("actual_to_date", actualToDate)
        try writer.write("ratio_to_date", ratioToDate)
        try writer.write("behind", behind)
    }
}

/// A project as lists of other things name it: `{"id","code","name"}`.
public struct ProjectReference: Codable, Sendable, Hashable {
    public var id: Int64
    public var code: String
    public var name: String

    public init(id: Int64, code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }
}
