import Foundation
import Campaign
import Hummingbird
import Postgres

/// The one place where database errors become HTTP answers.
///
/// Constraint names follow `table_column_kind` (`projects_code_key`, `projects_district_id_fkey`),
/// so the field a client must fix is read from the name. Messages never echo SQL or data values.
enum DatabaseErrorMapping {
    static func problem(for error: PostgresError) -> Problem {
        switch error.kind {
        case .poolTimeout, .poolClosed, .connectionFailed, .connectionLost:
            return Problem(.serviceUnavailable, detail: "the database is busy or unavailable; retry shortly",
                           headers: [.retryAfter: "2"])
        case .decoding:
            return Problem(.internalServerError, detail: "an unexpected error occurred; it has been logged")
        case .server:
            break
        }
        let rule = error.constraint.flatMap { ruleField(constraint: $0, message: error.serverMessage) }
        let field = rule ?? error.constraint.map(fieldName(fromConstraint:)) ?? error.column ?? "body"
        switch error.sqlState {
        case SQLState.uniqueViolation:
            return Problem(.conflict, detail: "\(field) is already taken; choose another",
                           errors: [FieldError(field: field, message: "must be unique; this value is already used")])
        case SQLState.foreignKeyViolation:
            // app.tg_agency_kind reports a reference to an agency of the wrong kind as this SQLSTATE.
            let kind = error.serverMessage.flatMap { text in text.range(of: "must be an agency of kind").map { String(text[$0.lowerBound...]) } }
            return Problem.invalid([FieldError(field: field, message: kind ?? "must refer to an existing row you can see")])
        case SQLState.checkViolation, SQLState.notNullViolation, SQLState.raiseException:
            // A trigger's message is written for clients; PostgreSQL's own CHECK text names SQL objects.
            let written = error.serverMessage.flatMap { $0.contains("violates check constraint") ? nil : $0 }
            let message = error.sqlState == SQLState.notNullViolation
                ? "is required" : (written ?? "is not allowed by the campaign's rules")
            return Problem.invalid([FieldError(field: field, message: message)])
        case SQLState.insufficientPrivilege:
            return Problem(.forbidden, detail: "your agency or role may not make this change")
        case "55000":
            // Raised by the state triggers (published assessments, reviewed reports), whose
            // messages are written for clients.
            return Problem(.conflict, detail: error.constraint != nil ? error.serverMessage ?? stateConflict : stateConflict)
        case SQLState.readOnlyTransaction:
            // A primary still in recovery (or set read-only) cannot take writes yet: try again later.
            return Problem(.serviceUnavailable, detail: "数据库暂时只读（正在恢复或切换），请稍后重试",
                           headers: [.retryAfter: "5"])
        case SQLState.serializationFailure, SQLState.deadlockDetected:
            return Problem(.conflict, detail: "a concurrent change conflicted with this one; retry it")
        case let state? where state.hasPrefix("22"):
            return Problem.invalid([FieldError(field: field, message: "has a value the database cannot store; check its type and range")])
        default:
            return Problem(.internalServerError, detail: "an unexpected error occurred; it has been logged")
        }
    }

    static let stateConflict = "the resource is not in a state that allows this change"

    /// The field of a campaign rule that a trigger enforces under one constraint name for several
    /// statements; which statement raised it shows in the trigger's message (0005's texts):
    /// an allocation that does not fit names `area_mu` (or `from_reserve` for a project that is
    /// not major), a quota shrunk below what is allocated names `quota_mu` or `reserved_mu`.
    static func ruleField(constraint: String, message: String?) -> String? {
        let message = message ?? ""
        let shrinkingQuota = message.contains("already allocated")
        switch constraint {
        case "land_allocations_quota":
            return shrinkingQuota ? "quota_mu" : "area_mu"
        case "land_allocations_reserve":
            if shrinkingQuota { return "reserved_mu" }
            return message.contains("major projects") ? "from_reserve" : "area_mu"
        case "land_quotas_reserved_within_quota":
            return "reserved_mu"
        case "park_items_item_standard":
            return message.hasPrefix("item ") ? "item" : "standard"
        case "projects_national_code_required":
            return "national_code"
        default:
            return nil
        }
    }

    /// `projects_district_id_fkey` → `district_id`; `land_allocations_quota` → `quota`.
    static func fieldName(fromConstraint constraint: String) -> String {
        let suffixes = ["_fkey", "_key", "_check", "_pkey"]
        var name = constraint
        for suffix in suffixes where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        for table in knownTables where name.hasPrefix(table + "_") {
            return String(name.dropFirst(table.count + 1))
        }
        return name
    }

    /// Table names, longest first so `land_allocations` wins over `land`.
    static let knownTables = [
        "assessment_indicator_results", "category_lead_departments", "assessment_results", "assessment_schemes",
        "financing_platforms", "assessment_runs", "land_allocations", "monthly_reports", "funding_sources",
        "attraction_teams", "sign_in_throttle", "fai_statistics", "analyst_logins", "land_quotas", "park_items",
        "approvals", "agencies", "problems", "projects", "receipts", "sessions", "targets", "parks", "users", "deals",
    ]
}
