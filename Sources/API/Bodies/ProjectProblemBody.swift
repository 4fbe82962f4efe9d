import Campaign
import Store

/// Reads a project's problem: `{"kind","description","department_id","due_on","status","resolution","resolved_on"}`.
enum ProjectProblemBody {
    static func create(_ body: inout RequestBody) throws -> ProblemFields {
        let kind: ProblemKind? = body.choice("kind")
        let description = body.string("description", maxLength: 2000)
        var fields = ProblemFields(
            kind: kind ?? .other, description: description ?? "", departmentID: nil, dueOn: nil, status: .open,
            resolution: nil, resolvedOn: nil
        )
        apply(&body, to: &fields)
        try finish(&body, fields)
        return fields
    }

    static func patch(_ body: inout RequestBody, onto current: ProblemFields) throws -> ProblemFields {
        var fields = current
        if body.present("kind"), let kind: ProblemKind = body.choice("kind") { fields.kind = kind }
        if body.present("description"), let text = body.string("description", maxLength: 2000) { fields.description = text }
        apply(&body, to: &fields)
        try finish(&body, fields)
        return fields
    }

    private static func apply(_ body: inout RequestBody, to fields: inout ProblemFields) {
        if body.present("department_id") { fields.departmentID = body.id("department_id", required: false, nullable: true) }
        if body.present("due_on") { fields.dueOn = body.date("due_on", required: false, nullable: true) }
        if body.present("status"), let status: ProblemStatus = body.choice("status") {
            fields.status = status
            if status != .resolved, !body.present("resolved_on") { fields.resolvedOn = nil }
        }
        if body.present("resolution") {
            fields.resolution = body.string("resolution", maxLength: 2000, required: false, nullable: true)
        }
        if body.present("resolved_on") { fields.resolvedOn = body.date("resolved_on", required: false, nullable: true) }
    }

    /// Only a resolved problem carries a resolution date.
    private static func finish(_ body: inout RequestBody, _ fields: ProblemFields) throws {
        if body.validator.isValid, fields.status != .resolved, fields.resolvedOn != nil {
            body.validator.add("resolved_on", .resolvedOnOnlyResolved)
        }
        try body.finish()
    }
}
