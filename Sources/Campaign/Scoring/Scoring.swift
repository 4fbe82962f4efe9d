import Foundation

/// The assessment's scoring rules (DOMAIN.md, "The assessment"), as small pure functions on
/// exact decimals. `assess(_:)` puts them together for a whole run.
public enum Scoring {
    /// Rule 3: the period's target: annual × the quarter's cumulative share, or the annual
    /// target for the year run; nil without an annual target.
    public static func periodTarget(annual: Decimal?, period: Period, scheme: AssessmentScheme) -> Decimal? {
        guard let annual else { return nil }
        return period.isQuarter ? annual * scheme.share(for: period) : annual
    }

    /// Rule 4: an indicator applies only if its target is present and above zero.
    public static func isApplicable(target: Decimal?) -> Bool {
        guard let target else { return false }
        return target > 0
    }

    /// actual / target, exact to Decimal's 38 digits; nil unless the target applies.
    public static func ratio(actual: Decimal, target: Decimal?) -> Decimal? {
        guard isApplicable(target: target), let target else { return nil }
        return actual / target
    }

    /// Rule 4: weight × min(ratio, cap).
    public static func points(weight: Decimal, ratio: Decimal, cap: Decimal) -> Decimal {
        weight * min(ratio, cap)
    }

    /// Rules 3–4 for one indicator.
    public static func indicatorResult(
        _ indicator: Indicator, figures: IndicatorFigures?, period: Period, scheme: AssessmentScheme
    ) -> IndicatorResult {
        let weight = scheme.weight(of: indicator)
        let actual = figures?.actual ?? 0
        let annual = figures?.annualTarget
        let target = periodTarget(annual: annual, period: period, scheme: scheme)
        let ratio = ratio(actual: actual, target: target)
        return IndicatorResult(
            indicator: indicator, weight: weight, actual: actual, annualTarget: annual, target: target,
            applicable: ratio != nil, ratio: ratio,
            points: ratio.map { points(weight: weight, ratio: $0, cap: scheme.cap) })
    }

    /// Rule 5: min(penalty × late reports, penalty cap) for a district; 0 for a department.
    public static func deduction(lateReports: Int, group: AssessmentGroup, scheme: AssessmentScheme) -> Decimal {
        guard group == .district, lateReports > 0 else { return 0 }
        return min(scheme.lateReportPenalty * Decimal(lateReports), scheme.lateReportPenaltyCap)
    }

    /// Rule 4: 100 × Σ points / Σ applicable weights − deduction; nil if no indicator applies
    /// (or the applicable ones all weigh 0).
    public static func score(_ indicators: [IndicatorResult], deduction: Decimal) -> Decimal? {
        let applicable = indicators.filter(\.applicable)
        let weights = applicable.reduce(Decimal(0)) { $0 + $1.weight }
        guard weights > 0 else { return nil }
        let points = applicable.reduce(Decimal(0)) { $0 + ($1.points ?? 0) }
        return 100 * points / weights - deduction
    }

    /// Rule 6: annual_weight × year score + quarterly_weight × the mean of the quarter scores.
    /// A quarter with no score (no applicable indicator then) is left out of the mean; with no
    /// quarter score at all the composite is the year score.
    public static func composite(yearScore: Decimal, quarterScores: [QuarterScore], scheme: AssessmentScheme) -> Decimal {
        let scores = quarterScores.compactMap(\.score)
        guard !scores.isEmpty else { return yearScore }
        let mean = scores.reduce(Decimal(0), +) / Decimal(scores.count)
        return scheme.annualWeight * yearScore + scheme.quarterlyWeight * mean
    }

    /// Rule 7: a score or points as shown and ranked: half away from zero to two decimals.
    public static func roundScore(_ value: Decimal) -> Decimal { value.rounded(places: 2) }

    /// Money (and the counts measured beside it) as shown: half away from zero to two decimals,
    /// as CONTRACT.md says money is; a period's target (annual × a share) is exact only inside.
    public static func roundMoney(_ value: Decimal) -> Decimal { value.rounded(places: 2) }

    /// A ratio as shown: half away from zero to four decimals.
    public static func roundRatio(_ value: Decimal) -> Decimal { value.rounded(places: 4) }

    /// Rule 8, quarter runs: applicable indicators below their cumulative target.
    public static func behind(_ indicators: [IndicatorResult]) -> [Indicator] {
        indicators.filter(\.isBelowTarget).map(\.indicator)
    }

    /// Rule 8, year runs: applicable indicators below 100% of the annual target.
    public static func missed(_ indicators: [IndicatorResult]) -> [Indicator] {
        indicators.filter { result in
            guard result.applicable, let annual = result.annualTarget else { return false }
            return result.actual < annual
        }.map(\.indicator)
    }

    /// Rule 8, year runs: commended if ranked 1 to 3.
    public static func isCommended(rank: Int?) -> Bool {
        guard let rank else { return false }
        return rank <= 3
    }
}
