import Campaign
import Store

/// Reads an approval: `{"kind","department_id","applied_on","decided_on","status"}`.
enum ApprovalBody {
    static func create(_ body: inout RequestBody) throws -> ApprovalFields {
        let kind: ApprovalKind? = body.choice("kind")
        let department = body.id("department_id")
        var fields = ApprovalFields(kind: kind ?? .filing, departmentID: department ?? 0, appliedOn: nil, decidedOn: nil, status: .pending)
        apply(&body, to: &fields)
        try finish(&body, fields)
        return fields
    }

    static func patch(_ body: inout RequestBody, onto current: ApprovalFields) throws -> ApprovalFields {
        var fields = current
        if body.present("kind"), let kind: ApprovalKind = body.choice("kind") { fields.kind = kind }
        if body.present("department_id"), let id = body.id("department_id") { fields.departmentID = id }
        apply(&body, to: &fields)
        try finish(&body, fields)
        return fields
    }

    private static func apply(_ body: inout RequestBody, to fields: inout ApprovalFields) {
        if body.present("applied_on") { fields.appliedOn = body.date("applied_on", required: false, nullable: true) }
        if body.present("decided_on") { fields.decidedOn = body.date("decided_on", required: false, nullable: true) }
        if body.present("status"), let status: ApprovalStatus = body.choice("status") { fields.status = status }
    }

    /// A decision is dated, and not before the application.
    private static func finish(_ body: inout RequestBody, _ fields: ApprovalFields) throws {
        if body.validator.isValid {
            if fields.status.isDecided, fields.decidedOn == nil {
                body.validator.add("decided_on", .decidedOnRequired, ["status": fields.status.chineseLabel, "status_code": fields.status.rawValue])
            }
            if let applied = fields.appliedOn, let decided = fields.decidedOn, decided < applied {
                body.validator.add("decided_on", .decidedBeforeApplied, ["applied": "\(applied)"])
            }
        }
        try body.finish()
    }
}
