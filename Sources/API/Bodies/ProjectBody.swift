import Campaign
import Foundation
import Store

/// Reads a project body: every field for `POST`, the fields present for `PATCH`.
enum ProjectBody {
    /// The fields of a new project; throws 422 naming every bad field.
    static func create(_ body: inout RequestBody) throws -> ProjectFields {
        let code = body.string("code", maxLength: 64)
        let name = body.string("name", maxLength: 300)
        let category: ProjectCategory? = body.choice("category")
        let districtID = body.id("district_id")
        var fields = ProjectFields(
            code: code ?? "", name: name ?? "", owner: "", category: category ?? .infrastructure, industry: nil,
            stage: .reserve, major: false, districtID: districtID ?? 0, leadDepartmentID: nil, parkID: nil,
            totalInvestment: 0, plannedStart: nil, plannedCompletion: nil, actualStart: nil, actualCompletion: nil,
            landArea: nil, eiaClass: nil, greenChannel: false, centralSOE: false
        )
        applyOptional(&body, to: &fields)
        try finish(&body, fields, previous: nil)
        return fields
    }

    /// `current` with the fields the client sent replaced; throws 422 naming every bad field.
    static func patch(_ body: inout RequestBody, onto current: ProjectFields) throws -> ProjectFields {
        var fields = current
        if body.present("code"), let value = body.string("code", maxLength: 64) { fields.code = value }
        if body.present("name"), let value = body.string("name", maxLength: 300) { fields.name = value }
        if body.present("category"), let value: ProjectCategory = body.choice("category") { fields.category = value }
        if body.present("district_id"), let value = body.id("district_id") { fields.districtID = value }
        applyOptional(&body, to: &fields)
        try finish(&body, fields, previous: current)
        return fields
    }

    /// The fields that may be omitted (or, where nullable, cleared with null).
    private static func applyOptional(_ body: inout RequestBody, to fields: inout ProjectFields) {
        if body.present("owner") { fields.owner = body.string("owner", maxLength: 300, required: false) ?? "" }
        if body.present("industry") { fields.industry = body.string("industry", maxLength: 100, required: false, nullable: true) }
        if body.present("stage"), let value: Stage = body.choice("stage") { fields.stage = value }
        if body.present("major"), let value = body.bool("major") { fields.major = value }
        if body.present("lead_department_id") { fields.leadDepartmentID = body.id("lead_department_id", required: false, nullable: true) }
        if body.present("park_id") { fields.parkID = body.id("park_id", required: false, nullable: true) }
        if body.present("total_investment"), let value = body.money("total_investment") { fields.totalInvestment = value.amount }
        if body.present("planned_start") { fields.plannedStart = body.date("planned_start", required: false, nullable: true) }
        if body.present("planned_completion") { fields.plannedCompletion = body.date("planned_completion", required: false, nullable: true) }
        if body.present("actual_start") { fields.actualStart = body.date("actual_start", required: false, nullable: true) }
        if body.present("actual_completion") { fields.actualCompletion = body.date("actual_completion", required: false, nullable: true) }
        if body.present("land_area") { fields.landArea = body.quantity("land_area", required: false, nullable: true) }
        if body.present("eia_class") { fields.eiaClass = body.string("eia_class", maxLength: 50, required: false, nullable: true) }
        if body.present("green_channel"), let value = body.bool("green_channel") { fields.greenChannel = value }
        if body.present("central_soe"), let value = body.bool("central_soe") { fields.centralSOE = value }
        if body.present("national_code") {
            // Present: null clears it, a blank text is refused (the code has 24 characters).
            fields.nationalCode = body.string("national_code", maxLength: 64, required: true, nullable: true)
            if let code = fields.nationalCode, let problem = CodeRules.nationalCodeProblem(code) {
                body.validator.add("national_code", problem)
            }
        }
    }

    /// Cross-field rules: dates and the national code a stage needs, completion not before start.
    /// As the database's trigger (0030), a project already past `new_start` without a code may be
    /// edited without adding one, until its stage or its code changes.
    private static func finish(_ body: inout RequestBody, _ fields: ProjectFields, previous: ProjectFields?) throws {
        if body.validator.isValid {
            body.validator.add(contentsOf: fields.stage.missingDates(actualStart: fields.actualStart, actualCompletion: fields.actualCompletion))
            let ruleApplies = previous.map { $0.stage != fields.stage || $0.nationalCode != nil } ?? true
            if CodeRules.requiresNationalCode(fields.stage), fields.nationalCode == nil, ruleApplies {
                body.validator.add("national_code", .nationalCodeRequired)
            }
            if let start = fields.plannedStart, let end = fields.plannedCompletion, end < start {
                body.validator.add("planned_completion", .plannedCompletionBeforeStart, ["start": "\(start)"])
            }
            if let start = fields.actualStart, let end = fields.actualCompletion, end < start {
                body.validator.add("actual_completion", .completionBeforeStart, ["start": "\(start)"])
            }
        }
        try body.finish()
    }
}
