/// The stage rules: forward only, unless the county acts.
extension Stage {
    /// Why a project may not move from `from` to `to`, or nil if it may.
    ///
    /// Staying put and moving forward among the working stages (skips included) are allowed;
    /// `suspended` and `cancelled` are reachable from any stage; a suspended project may resume
    /// to any working stage from `preliminary` on. Leaving `cancelled` and every other move
    /// (backwards, or suspended → reserve) are county actions.
    public static func transitionProblem(from: Stage, to: Stage, actorIsCounty: Bool) -> Message? {
        if from == to || actorIsCounty { return nil }
        if from == .cancelled {
            return Message(.stageReopenCountyOnly)
        }
        if to == .suspended || to == .cancelled { return nil }
        guard let target = to.order else { return nil }
        if from == .suspended {
            if target >= 1 { return nil }
            return Message(.stageResumeToReserve)
        }
        if let origin = from.order, target > origin { return nil }
        return Message(.stageBackward)
    }

    /// The date fields this stage needs that are missing, as field errors naming them.
    public func missingDates(actualStart: CalendarDate?, actualCompletion: CalendarDate?) -> [FieldError] {
        var errors: [FieldError] = []
        if requiresActualStart, actualStart == nil {
            errors.append(FieldError(field: "actual_start", .actualStartRequired, ["stage": chineseLabel, "stage_code": rawValue]))
        }
        if requiresActualCompletion, actualCompletion == nil {
            errors.append(FieldError(field: "actual_completion", .actualCompletionRequired, ["stage": chineseLabel, "stage_code": rawValue]))
        }
        if let start = actualStart, let end = actualCompletion, end < start {
            errors.append(FieldError(field: "actual_completion", .completionBeforeStart, ["start": "\(start)"]))
        }
        return errors
    }
}
