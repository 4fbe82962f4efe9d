import Foundation

/// The outcome of one run: every assessed agency, group by group, ranked.
public struct AssessmentOutcome: Codable, Sendable, Hashable {
    /// The assessed year.
    public var year: Int
    /// The period.
    public var period: Period
    /// Departments, in ranking order.
    public var department: [AgencyResult]
    /// Districts, in ranking order.
    public var district: [AgencyResult]

    /// An outcome.
    public init(year: Int, period: Period, department: [AgencyResult], district: [AgencyResult]) {
        self.year = year
        self.period = period
        self.department = department
        self.district = district
    }
}

extension Scoring {
    /// Scores one agency (rules 3–6, 8 except commendation); it is not ranked yet.
    public static func score(_ figures: AgencyFigures, period: Period, scheme: AssessmentScheme) -> AgencyResult {
        let indicators = Indicator.allCases.map {
            indicatorResult($0, figures: figures.indicators[$0], period: period, scheme: scheme)
        }
        let deduction = deduction(lateReports: figures.lateReports, group: figures.group, scheme: scheme)
        let periodScore = score(indicators, deduction: deduction)
        guard !period.isQuarter else {
            return AgencyResult(
                agency: figures.agency, group: figures.group, indicators: indicators, deduction: deduction,
                periodScore: periodScore, score: periodScore, behind: behind(indicators))
        }
        let quarters = figures.quarterScores
        let missed = missed(indicators)
        return AgencyResult(
            agency: figures.agency, group: figures.group, indicators: indicators, deduction: deduction,
            periodScore: periodScore, quarterScores: quarters,
            score: periodScore.map { composite(yearScore: $0, quarterScores: quarters, scheme: scheme) },
            provisional: quarters.contains(where: \.provisional),
            accountable: !missed.isEmpty, missed: missed)
    }

    /// Runs the whole assessment: scores every agency, ranks each group, commends the top
    /// three of a year run.
    public static func assess(_ input: AssessmentInput) -> AssessmentOutcome {
        let scored = input.agencies.map { score($0, period: input.period, scheme: input.scheme) }
        func group(_ group: AssessmentGroup) -> [AgencyResult] {
            var results = ranked(scored.filter { $0.group == group })
            if !input.period.isQuarter {
                for index in results.indices { results[index].commended = isCommended(rank: results[index].rank) }
            }
            return results
        }
        return AssessmentOutcome(
            year: input.year, period: input.period, department: group(.department), district: group(.district))
    }
}
