/// An assessed indicator; its raw value is the code used in schemes, targets and rankings.
public enum Indicator: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable, Comparable {
    /// Statistical fixed-asset investment (万元).
    case fai
    /// Investment completed on major projects in remit, from monthly reports (万元).
    case majorInvestment = "major_investment"
    /// Major projects in remit whose actual start date falls in the year (count).
    case newStarts = "new_starts"
    /// Major projects in remit whose actual completion date falls in the year (count).
    case completions
    /// Funds in place, by receipt date, of deals credited to the agency (万元).
    case attractionFunds = "attraction_funds"

    /// Orders indicators as listed in `allCases` (the order of the scheme and of outputs).
    public static func < (lhs: Indicator, rhs: Indicator) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
