import Campaign
import Foundation
import Hummingbird
import Postgres

/// The one place where database errors become HTTP answers: by SQLSTATE and by the name of the
/// constraint (or of the trigger's rule, raised `USING CONSTRAINT`), never by message text.
///
/// Constraint names follow `table_column_kind` (`projects_code_key`, `projects_district_id_fkey`),
/// so the field a client must fix is the name without PostgreSQL's reported table and kind, unless
/// the error names its column itself (the triggers do, migration 0060).
enum DatabaseErrorMapping {
    static func problem(for error: PostgresError) -> Problem {
        switch error.kind {
        case .poolTimeout, .poolClosed, .connectionFailed, .connectionLost:
            return Problem(.serviceUnavailable, .databaseUnavailable, headers: [.retryAfter: "2"])
        case .decoding, .misuse:
            return Problem(.internalServerError, .internalError)
        case .server:
            break
        }
        let field = field(of: error)
        if let rule = error.constraint.flatMap({ rules[$0] }) {
            return rule.status == .unprocessableContent
                ? Problem.invalid([FieldError(field: field, rule.code)]) : Problem(rule.status, rule.code)
        }
        switch error.sqlState {
        case SQLState.uniqueViolation:
            return Problem(.conflict, .valueTaken, errors: [FieldError(field: field, .valueTaken)])
        case SQLState.foreignKeyViolation:
            // app.tg_agency_kind names its rule `<table>_<column>_kind` (migration 0060).
            let wrongKind = error.constraint?.hasSuffix("_kind") ?? false
            return Problem.invalid([FieldError(field: field, wrongKind ? .agencyWrongKind : .unknownReference)])
        case SQLState.notNullViolation:
            return Problem.invalid([FieldError(field: field, .requiredValue)])
        case SQLState.checkViolation, SQLState.raiseException:
            return Problem.invalid([FieldError(field: field, .notAllowedByRules)])
        case SQLState.insufficientPrivilege:
            return Problem(.forbidden, .forbiddenChange, ["what": error.table ?? "row"])
        case SQLState.objectNotInPrerequisiteState:
            return Problem(.conflict, .stateConflict)
        case SQLState.readOnlyTransaction:
            // A primary still in recovery (or set read-only) cannot take writes yet: try again later.
            return Problem(.serviceUnavailable, .databaseReadOnly, headers: [.retryAfter: "5"])
        case SQLState.serializationFailure, SQLState.deadlockDetected:
            return Problem(.conflict, .concurrentChange)
        case let state? where state.hasPrefix("22"):
            return Problem.invalid([FieldError(field: field, .valueNotStorable)])
        default:
            return Problem(.internalServerError, .internalError)
        }
    }

    /// The rules the database enforces under their own constraint names, each with its answer.
    static let rules: [String: (status: HTTPResponse.Status, code: MessageCode)] = [
        "monthly_reports_approved_locked": (.conflict, .reportLocked),
        "monthly_reports_review_transition": (.conflict, .reviewTransition),
        "assessment_runs_published_immutable": (.conflict, .assessmentPublished),
        "assessment_runs_publish_done": (.conflict, .assessmentNotDone),
        "agencies_kind_fixed": (.unprocessableContent, .agencyKindFixed),
        "projects_stage_forward": (.unprocessableContent, .stageBackward),
        "projects_stage_reopen": (.unprocessableContent, .stageReopenCountyOnly),
        "projects_national_code_required": (.unprocessableContent, .nationalCodeRequired),
        "projects_national_code_check": (.unprocessableContent, .nationalCodeFormat),
        "park_items_item_standard": (.unprocessableContent, .parkItemNotInStandard),
        "parks_standard_items": (.unprocessableContent, .parkStandardItems),
        "land_allocations_reserve_major": (.unprocessableContent, .reserveMajorOnly),
        "land_allocations_reserve": (.unprocessableContent, .reserveExceeded),
        "land_allocations_quota": (.unprocessableContent, .quotaExceeded),
        "land_quotas_reserved_allocated": (.unprocessableContent, .reserveAllocated),
        "land_quotas_quota_allocated": (.unprocessableContent, .quotaAllocated),
    ]

    /// The field to fix: the column the error names, else the constraint's name without its
    /// table (`projects_code_key` on `projects` → `code`) and kind suffix, else `body`.
    static func field(of error: PostgresError) -> String {
        if let column = error.column { return column }
        guard var name = error.constraint else { return "body" }
        for suffix in ["_fkey", "_key", "_check", "_pkey", "_kind"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        if let table = error.table, name.hasPrefix(table + "_") { name.removeFirst(table.count + 1) }
        return name
    }
}
