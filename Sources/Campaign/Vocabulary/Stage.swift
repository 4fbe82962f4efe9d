/// Where a project is in its life.
///
/// The working stages run `reserve` → `preliminary` → `newStart` → `construction` → `completed`;
/// `suspended` and `cancelled` stand apart. Moves are checked by `transitionProblem(from:to:actorIsCounty:)`.
public enum Stage: String, Codable, Sendable, CaseIterable {
    /// 储备.
    case reserve
    /// 前期.
    case preliminary
    /// 新开工: needs an actual start date.
    case newStart = "new_start"
    /// 在建: needs an actual start date.
    case construction
    /// 竣工投产: needs actual start and completion dates.
    case completed
    /// Paused; may resume to any working stage from `preliminary` on.
    case suspended
    /// Cancelled; only the county may bring a project back.
    case cancelled

    /// The position among the working stages (0 for `reserve` … 4 for `completed`); nil for
    /// `suspended` and `cancelled`.
    public var order: Int? {
        switch self {
        case .reserve: 0
        case .preliminary: 1
        case .newStart: 2
        case .construction: 3
        case .completed: 4
        case .suspended, .cancelled: nil
        }
    }

    /// Whether a project in this stage must have an actual start date.
    public var requiresActualStart: Bool {
        switch self {
        case .newStart, .construction, .completed: true
        default: false
        }
    }

    /// Whether a project in this stage must have an actual completion date.
    public var requiresActualCompletion: Bool { self == .completed }
}
