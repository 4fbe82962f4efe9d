import Foundation

/// The title and body of a notification, worded from the catalogue in the reader's language.
/// The database stores what happened: the kind and its raw `arguments` (codes and names, months
/// `2026-11`, dates `2026-05-05`, amounts and ratios as decimals, a reviewer's comment); the
/// values are formatted here as `Wording` says (`1,473.10 万元`, `45.7%`, `2026年11月`).
public struct NotificationWords: Sendable, Equatable {
    /// What happened.
    public var kind: NotificationKind
    /// The stored arguments.
    public var arguments: [String: String]

    /// The words of a notification of `kind` with `arguments`, as stored.
    public init(_ kind: NotificationKind, _ arguments: [String: String]) {
        self.kind = kind
        self.arguments = arguments
    }

    /// The title in `language`.
    public func title(_ language: Language) -> String {
        if let stored = storedWords { return stored.title }
        return Message(codes.title, values(language)).text(language)
    }

    /// The body in `language`.
    public func body(_ language: Language) -> String {
        if let stored = storedWords { return stored.body }
        return Message(codes.body, values(language)).text(language)
    }

    /// The words of a row written before notifications stored their arguments whose facts could
    /// not be found again (migration 0090), kept as they were written.
    var storedWords: (title: String, body: String)? {
        guard let title = arguments["title"], let body = arguments["body"] else { return nil }
        return (title, body)
    }

    var codes: (title: MessageCode, body: MessageCode) {
        switch kind {
        case .reportDue: (.reportDueTitle, .reportDueBody)
        case .reportLate: (.reportLateTitle, .reportLateBody)
        case .reportReturned: (.reportReturnedTitle, .reportReturnedBody)
        case .problemOverdue: (.problemOverdueTitle, .problemOverdueBody)
        case .problemEscalated: (.problemEscalatedTitle, .problemEscalatedBody)
        case .problemRaised: (.problemRaisedTitle, .problemRaisedBody)
        case .behindPlan: (.behindPlanTitle, .behindPlanBody)
        case .assessmentPublished: (.assessmentPublishedTitle, .assessmentPublishedBody)
        case .bulletinIssued: (.bulletinIssuedTitle, .bulletinIssuedBody)
        }
    }

    /// The placeholders' values for people in `language`: the facts formatted (`Wording.facts`),
    /// and the phrases that depend on which facts are there (`what`, `leader`, `department`,
    /// `due_note`, `rank`).
    func values(_ language: Language) -> [String: String] {
        var values = Wording.facts(arguments)
        values["score"] = arguments["score"].flatMap(Wording.decimal).map { Wording.grouped($0, decimals: 2) } ?? "—"
        if let period = arguments["period"].flatMap({ Period(rawValue: $0) }) {
            values["period_code"] = period.rawValue
            values["period"] = period.chineseLabel
        }
        values["comment"] = arguments["comment"].map(Wording.sentence)
        values["days"] = arguments["escalate_days"]
        func phrase(_ code: MessageCode, _ arguments: [String: String] = [:]) -> String {
            Message(code, arguments).text(language)
        }
        values["what"] = phrase(arguments["problem_kind"] == ProblemKind.meetingDecision.rawValue ? .wordDecision : .wordProblem)
        values["department"] = arguments["department"] ?? phrase(.wordUnassigned)
        values["leader"] = arguments["leader"].map { phrase(.wordLeaderNote, ["leader": $0]) } ?? ""
        values["due_note"] = values["due"].map { phrase(.wordDueNote, ["due": $0, "due_code": values["due_code"] ?? $0]) } ?? ""
        values["rank"] = arguments["rank"].map { phrase(.wordRanked, ["rank": $0]) } ?? phrase(.wordUnranked)
        return values
    }
}
