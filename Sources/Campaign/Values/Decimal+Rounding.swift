import Foundation

/// Exact rounding for scores, points, ratios and money.
extension Decimal {
    /// This value rounded half away from zero to `places` decimals: 2.345 → 2.35, −2.345 → −2.35.
    ///
    /// Foundation's `.plain` mode rounds a tie up for positive and down for negative values,
    /// which is exactly half away from zero.
    public func rounded(places: Int) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, places, .plain)
        return result
    }

    /// Whether the value has no non-zero digit beyond `places` decimals (1.20 has two, 1.205 three).
    public func hasAtMost(decimalPlaces places: Int) -> Bool {
        self == rounded(places: places)
    }

    /// The value as plain decimal text with no exponent (`Decimal.description`).
    public var plainText: String { description }
}
