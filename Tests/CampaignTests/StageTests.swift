import Campaign
import Testing

@Suite struct StageTests {
    /// (from, to, actor is county, allowed)
    static let transitions: [(Stage, Stage, Bool, Bool)] = [
        (.reserve, .preliminary, false, true),
        (.reserve, .construction, false, true),
        (.preliminary, .newStart, false, true),
        (.construction, .completed, false, true),
        (.construction, .construction, false, true),
        (.construction, .preliminary, false, false),
        (.construction, .preliminary, true, true),
        (.completed, .construction, false, false),
        (.newStart, .reserve, false, false),
        (.construction, .suspended, false, true),
        (.reserve, .cancelled, false, true),
        (.completed, .cancelled, false, true),
        (.suspended, .preliminary, false, true),
        (.suspended, .completed, false, true),
        (.suspended, .reserve, false, false),
        (.suspended, .reserve, true, true),
        (.suspended, .cancelled, false, true),
        (.cancelled, .reserve, false, false),
        (.cancelled, .suspended, false, false),
        (.cancelled, .construction, false, false),
        (.cancelled, .construction, true, true),
        (.cancelled, .cancelled, false, true),
    ]

    @Test(arguments: transitions)
    func transition(from: Stage, to: Stage, county: Bool, allowed: Bool) {
        let problem = Stage.transitionProblem(from: from, to: to, actorIsCounty: county)
        #expect((problem == nil) == allowed, "\(from) → \(to) county=\(county): \(problem?.text() ?? "allowed")")
    }

    @Test func backwardMessageNamesTheStages() {
        let problem = Stage.transitionProblem(from: .construction, to: .preliminary, actorIsCounty: false)
        #expect(problem?.code == .stageBackward)
        #expect(problem?.text().contains("县发改局") == true)
    }

    @Test(arguments: [
        (Stage.reserve, false, false), (.preliminary, false, false), (.newStart, true, false),
        (.construction, true, false), (.completed, true, true), (.suspended, false, false), (.cancelled, false, false),
    ])
    func requiredDates(stage: Stage, start: Bool, completion: Bool) {
        #expect(stage.requiresActualStart == start)
        #expect(stage.requiresActualCompletion == completion)
    }

    @Test func missingDatesNameTheFields() {
        #expect(Stage.completed.missingDates(actualStart: nil, actualCompletion: nil).map(\.field)
            == ["actual_start", "actual_completion"])
        #expect(Stage.newStart.missingDates(actualStart: nil, actualCompletion: nil).map(\.field) == ["actual_start"])
        #expect(Stage.reserve.missingDates(actualStart: nil, actualCompletion: nil).isEmpty)
        let start = CalendarDate("2026-05-01"), end = CalendarDate("2026-04-30")
        #expect(Stage.completed.missingDates(actualStart: start, actualCompletion: end).map(\.field)
            == ["actual_completion"])
        #expect(Stage.completed.missingDates(actualStart: start, actualCompletion: start).isEmpty)
    }
}
