import Foundation

/// One indicator's figures for one agency, as SQL aggregated them.
public struct IndicatorFigures: Codable, Sendable, Hashable {
    /// The actual, cumulative from 1 January to the period's last day.
    public var actual: Decimal
    /// The annual target, or nil if none was set.
    public var annualTarget: Decimal?

    enum CodingKeys: String, CodingKey {
        case actual
        case annualTarget = "annual_target"
    }

    /// Figures for one indicator.
    public init(actual: Decimal, annualTarget: Decimal?) {
        self.actual = actual
        self.annualTarget = annualTarget
    }
}

/// A quarter's score as used in the year-end composite.
public struct QuarterScore: Codable, Sendable, Hashable {
    /// The exact score; nil if the agency had no applicable indicator that quarter.
    public var score: Decimal?
    /// True if computed from current data because the quarter has no published run yet.
    public var provisional: Bool

    /// A quarter's score.
    public init(score: Decimal?, provisional: Bool) {
        self.score = score
        self.provisional = provisional
    }
}

/// Everything the rules need about one agency in one run.
public struct AgencyFigures: Codable, Sendable, Hashable {
    /// The agency.
    public var agency: AgencyRef
    /// Its ranking group.
    public var group: AssessmentGroup
    /// Per-indicator figures; a missing indicator counts as actual 0 with no target.
    public var indicators: [Indicator: IndicatorFigures]
    /// Monthly reports in its remit submitted late (districts only; ignored for departments).
    public var lateReports: Int
    /// Year runs only: the Q1…Q4 scores, from the latest published run of each quarter or
    /// computed provisionally. Ignored in quarterly runs.
    public var quarterScores: [QuarterScore]

    enum CodingKeys: String, CodingKey {
        case agency, group, indicators
        case lateReports = "late_reports"
        case quarterScores = "quarter_scores"
    }

    /// An agency's figures.
    public init(
        agency: AgencyRef, group: AssessmentGroup, indicators: [Indicator: IndicatorFigures],
        lateReports: Int = 0, quarterScores: [QuarterScore] = []
    ) {
        self.agency = agency
        self.group = group
        self.indicators = indicators
        self.lateReports = lateReports
        self.quarterScores = quarterScores
    }
}

/// The inputs of one assessment run: recorded with the run so it can be reproduced (rule 9).
///
/// These types code with fixed snake_case keys; encode them with the default key strategy
/// (a `convertFromSnakeCase` decoder would not find them).
public struct AssessmentInput: Codable, Sendable, Hashable {
    /// The assessed year.
    public var year: Int
    /// The period: a quarter or the year.
    public var period: Period
    /// The scheme in force for the year.
    public var scheme: AssessmentScheme
    /// Every assessed agency (departments and districts).
    public var agencies: [AgencyFigures]

    /// A run's inputs.
    public init(year: Int, period: Period, scheme: AssessmentScheme, agencies: [AgencyFigures]) {
        self.year = year
        self.period = period
        self.scheme = scheme
        self.agencies = agencies
    }
}
