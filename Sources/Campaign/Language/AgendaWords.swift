/// The summary of an agenda item a coordination meeting (调度会) draws from the data, worded from
/// the catalogue: the query reads each item's raw facts (a problem's description and due date,
/// a project's figures, an approval's kind, dates and handling department) and the summary is
/// written here, formatted as `Wording` says. Summaries are stored with the item, in Chinese —
/// the minutes print them, and they are frozen with the meeting, like items added by hand.
public enum AgendaWords {
    /// The summary of an item drawn from `source` with its raw `facts`; nil for `manual`, whose
    /// summary is the one typed.
    public static func summary(_ source: AgendaSource, facts: [String: String], language: Language = .zh) -> String? {
        let code: MessageCode
        switch source {
        case .overdueProblem: code = .agendaOverdueProblem
        case .escalatedProblem: code = .agendaEscalatedProblem
        case .behindPlan: code = .agendaBehindPlan
        case .missingReport: code = .agendaMissingReport
        case .slowApproval: code = .agendaSlowApproval
        case .carriedOver: code = .agendaCarriedOver
        case .manual: return nil
        }
        var values = Wording.facts(facts)
        if let kind = facts["approval_kind"].flatMap({ ApprovalKind(rawValue: $0) }) {
            values["approval"] = kind.chineseLabel
            values["approval_code"] = kind.rawValue
        }
        return Message(code, values).text(language)
    }
}
