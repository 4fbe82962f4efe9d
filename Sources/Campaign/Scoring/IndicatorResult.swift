import Foundation

/// How one indicator scored for one agency: enough to explain and reproduce its points.
public struct IndicatorResult: Codable, Sendable, Hashable {
    /// The indicator.
    public var indicator: Indicator
    /// Its weight in the scheme.
    public var weight: Decimal
    /// The cumulative actual.
    public var actual: Decimal
    /// The annual target, if set.
    public var annualTarget: Decimal?
    /// The period's target: the annual target times the quarter's share, or the annual target
    /// in a year run; nil if no annual target.
    public var target: Decimal?
    /// Whether the indicator counts: its target is present and above zero.
    public var applicable: Bool
    /// actual / target, exact; nil if not applicable.
    public var ratio: Decimal?
    /// weight × min(ratio, cap), exact; nil if not applicable.
    public var points: Decimal?

    enum CodingKeys: String, CodingKey {
        case indicator, weight, actual
        case annualTarget = "annual_target"
        case target, applicable, ratio, points
    }

    /// An indicator's result.
    public init(
        indicator: Indicator, weight: Decimal, actual: Decimal, annualTarget: Decimal?,
        target: Decimal?, applicable: Bool, ratio: Decimal?, points: Decimal?
    ) {
        self.indicator = indicator
        self.weight = weight
        self.actual = actual
        self.annualTarget = annualTarget
        self.target = target
        self.applicable = applicable
        self.ratio = ratio
        self.points = points
    }

    /// Whether the indicator applies and its actual is below the period's target
    /// (behind schedule in a quarter run, missed in a year run).
    public var isBelowTarget: Bool {
        guard applicable, let target else { return false }
        return actual < target
    }
}
