import Campaign
import Hummingbird
import Store

/// The county-only write rule of schemes and assessments.
enum AssessmentParameters {
    /// Whether the caller may manage schemes and assessments: a county editor or admin.
    static func mayManage(_ caller: Caller) -> Bool {
        caller.agencyKind == .county && (caller.role == .editor || caller.role == .admin)
    }

    static func forbidden(_ what: String) -> Problem {
        Problem(.forbidden, .countyOnly, ["what": what])
    }
}
