/// The stage rules: forward only, unless the county acts.
extension Stage {
    /// Why a project may not move from `from` to `to`, or nil if it may.
    ///
    /// Staying put and moving forward among the working stages (skips included) are allowed;
    /// `suspended` and `cancelled` are reachable from any stage; a suspended project may resume
    /// to any working stage from `preliminary` on. Leaving `cancelled` and every other move
    /// (backwards, or suspended → reserve) are county actions.
    public static func transitionProblem(from: Stage, to: Stage, actorIsCounty: Bool) -> String? {
        if from == to || actorIsCounty { return nil }
        if from == .cancelled {
            return "a cancelled project can be brought back only by the county"
        }
        if to == .suspended || to == .cancelled { return nil }
        guard let target = to.order else { return nil }
        if from == .suspended {
            if target >= 1 { return nil }
            return "a suspended project may resume at preliminary or later; moving it to reserve is a county action"
        }
        if let origin = from.order, target > origin { return nil }
        return "stage moves only forward (reserve → preliminary → new_start → construction → completed); "
            + "moving from \(from.rawValue) back to \(to.rawValue) is a county action"
    }

    /// The date fields this stage needs that are missing, as field errors naming them.
    public func missingDates(actualStart: CalendarDate?, actualCompletion: CalendarDate?) -> [FieldError] {
        var errors: [FieldError] = []
        if requiresActualStart, actualStart == nil {
            errors.append(FieldError(
                field: "actual_start",
                message: "required when stage is \(rawValue): the actual start date as YYYY-MM-DD"))
        }
        if requiresActualCompletion, actualCompletion == nil {
            errors.append(FieldError(
                field: "actual_completion",
                message: "required when stage is \(rawValue): the actual completion date as YYYY-MM-DD"))
        }
        if let start = actualStart, let end = actualCompletion, end < start {
            errors.append(FieldError(
                field: "actual_completion", message: "must not be before actual_start (\(start))"))
        }
        return errors
    }
}
