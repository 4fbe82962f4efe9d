import Foundation

/// One agency in `GET /rankings` (CONTRACT.md's ranking entry), with values rounded for display:
/// `score`, `points`, `deduction`, `year_score`, `quarter_scores` and the indicators' `actual` and
/// `target` to two decimals, `ratio` to four.
///
/// Every key is always written (null where there is no value) except `year_score` and
/// `quarter_scores`, which appear in year runs only.
public struct RankingEntry: Codable, Sendable, Hashable {
    /// One indicator's line: `{"code","actual","target","ratio","points"}`.
    public struct IndicatorLine: Codable, Sendable, Hashable {
        /// The indicator's code.
        public var code: Indicator
        /// The cumulative actual, to two decimals.
        public var actual: Decimal
        /// The period's target, to two decimals; null without an annual target.
        public var target: Decimal?
        /// actual / target to four decimals; null if the indicator does not apply.
        public var ratio: Decimal?
        /// Points to two decimals; null if the indicator does not apply.
        public var points: Decimal?

        /// A line from an indicator's exact result.
        public init(_ result: IndicatorResult) {
            code = result.indicator
            actual = Scoring.roundMoney(result.actual)
            target = result.target.map(Scoring.roundMoney)
            ratio = result.ratio.map(Scoring.roundRatio)
            points = result.points.map(Scoring.roundScore)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(actual, forKey: .actual)
            try container.encode(target, forKey: .target)
            try container.encode(ratio, forKey: .ratio)
            try container.encode(points, forKey: .points)
        }
    }

    /// The rank in the group; null if unranked.
    public var rank: Int?
    /// The agency.
    public var agency: AgencyRef
    /// The ranked score (the composite in a year run) to two decimals; null if unranked.
    public var score: Decimal?
    /// True in a year run where a quarter score was not yet published.
    public var provisional: Bool
    /// Every indicator.
    public var indicators: [IndicatorLine]
    /// Points deducted, to two decimals.
    public var deduction: Decimal
    /// Year runs: ranked 1 to 3.
    public var commended: Bool
    /// Year runs: missed an annual target.
    public var accountable: Bool
    /// Year runs: the indicators missed.
    public var missed: [Indicator]
    /// Quarter runs: the indicators behind their cumulative target.
    public var behind: [Indicator]
    /// Year runs only: the year score to two decimals (null if none).
    public var yearScore: Decimal?
    /// Year runs only: the four quarter scores to two decimals (null for an unscored quarter).
    public var quarterScores: [Decimal?]?

    enum CodingKeys: String, CodingKey {
        case rank, agency, score, provisional, indicators, deduction, commended, accountable, missed, behind
        case yearScore = "year_score"
        case quarterScores = "quarter_scores"
    }

    /// The entry for an agency's exact result.
    public init(_ result: AgencyResult, period: Period) {
        rank = result.rank
        agency = result.agency
        score = result.roundedScore
        provisional = result.provisional
        indicators = result.indicators.map(IndicatorLine.init)
        deduction = Scoring.roundScore(result.deduction)
        commended = result.commended
        accountable = result.accountable
        missed = result.missed
        behind = result.behind
        if period.isQuarter {
            yearScore = nil
            quarterScores = nil
        } else {
            yearScore = result.periodScore.map(Scoring.roundScore)
            quarterScores = (result.quarterScores ?? []).map { $0.score.map(Scoring.roundScore) }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rank, forKey: .rank)
        try container.encode(agency, forKey: .agency)
        try container.encode(score, forKey: .score)
        try container.encode(provisional, forKey: .provisional)
        try container.encode(indicators, forKey: .indicators)
        try container.encode(deduction, forKey: .deduction)
        try container.encode(commended, forKey: .commended)
        try container.encode(accountable, forKey: .accountable)
        try container.encode(missed, forKey: .missed)
        try container.encode(behind, forKey: .behind)
        if let quarterScores {
            try container.encode(yearScore, forKey: .yearScore)
            try container.encode(quarterScores, forKey: .quarterScores)
        }
    }
}

/// The `groups` object of `GET /rankings`: `{"department":[...],"district":[...]}`.
public struct RankingGroups: Codable, Sendable, Hashable {
    /// Departments in ranking order.
    public var department: [RankingEntry]
    /// Districts in ranking order.
    public var district: [RankingEntry]

    /// The display entries of a run's outcome.
    public init(_ outcome: AssessmentOutcome) {
        department = outcome.department.map { RankingEntry($0, period: outcome.period) }
        district = outcome.district.map { RankingEntry($0, period: outcome.period) }
    }
}
