import Foundation

extension Scoring {
    /// The cumulative share of the annual target due by the end of `month` (1…12), for early
    /// warnings: the quarter shares at each quarter's end, linear between them (so March, June,
    /// September and December give exactly the quarter's share).
    public static func cumulativeShare(throughMonth month: Int, scheme: AssessmentScheme) -> Decimal {
        let month = min(max(month, 1), 12)
        let quarter = (month - 1) / 3
        let shares = scheme.quarterShares.count == 4 ? scheme.quarterShares : AssessmentScheme.default.quarterShares
        let previous = quarter == 0 ? Decimal(0) : shares[quarter - 1]
        let intoQuarter = Decimal(month - 3 * quarter)
        return previous + (shares[quarter] - previous) * intoQuarter / 3
    }
}
