import Foundation

/// One agency's outcome in a run: its indicators, scores, rank and flags.
public struct AgencyResult: Codable, Sendable, Hashable {
    /// The agency.
    public var agency: AgencyRef
    /// Its ranking group.
    public var group: AssessmentGroup
    /// Every indicator, in `Indicator.allCases` order.
    public var indicators: [IndicatorResult]
    /// Points deducted for late reports.
    public var deduction: Decimal
    /// The exact score of this run's own figures, deduction included (the year score in a
    /// year run); nil if no applicable indicator.
    public var periodScore: Decimal?
    /// Year runs only: the quarter scores used in the composite.
    public var quarterScores: [QuarterScore]?
    /// The exact ranked score: `periodScore` in a quarter run, the composite in a year run.
    public var score: Decimal?
    /// `score` rounded half away from zero to two decimals: what ranks.
    public var roundedScore: Decimal?
    /// Year runs: true if any quarter score is provisional.
    public var provisional: Bool
    /// Standard competition rank within the group; nil if unranked.
    public var rank: Int?
    /// Year runs: ranked 1 to 3.
    public var commended: Bool
    /// Year runs: some applicable indicator is below 100% of its annual target.
    public var accountable: Bool
    /// Year runs: the indicators below their annual target.
    public var missed: [Indicator]
    /// Quarter runs: the indicators below their cumulative target (预警).
    public var behind: [Indicator]

    enum CodingKeys: String, CodingKey {
        case agency, group, indicators, deduction
        case periodScore = "period_score"
        case quarterScores = "quarter_scores"
        case score
        case roundedScore = "rounded_score"
        case provisional, rank, commended, accountable, missed, behind
    }

    /// An agency's result; rank and flags are normally set by `Scoring.assess(_:)`.
    public init(
        agency: AgencyRef, group: AssessmentGroup, indicators: [IndicatorResult], deduction: Decimal,
        periodScore: Decimal?, quarterScores: [QuarterScore]? = nil, score: Decimal?,
        provisional: Bool = false, rank: Int? = nil, commended: Bool = false,
        accountable: Bool = false, missed: [Indicator] = [], behind: [Indicator] = []
    ) {
        self.agency = agency
        self.group = group
        self.indicators = indicators
        self.deduction = deduction
        self.periodScore = periodScore
        self.quarterScores = quarterScores
        self.score = score
        self.roundedScore = score.map { Scoring.roundScore($0) }
        self.provisional = provisional
        self.rank = rank
        self.commended = commended
        self.accountable = accountable
        self.missed = missed
        self.behind = behind
    }
}
