import Foundation

/// A project's annual investment plan against its reports (DOMAIN.md, 年度投资计划): month by
/// month the plan, the reported investment, and both cumulated from January; and the (rule) plan
/// ratio to date = cumulative actual ÷ cumulative plan, both to the last complete month.
public struct PlanProgress: Sendable, Equatable {
    /// One month of the plan.
    public struct MonthFigures: Sendable, Equatable {
        public var month: Month
        public var plan: Decimal
        /// The month's reported investment; nil when there is no (counted) report.
        public var actual: Decimal?
        public var cumulativePlan: Decimal
        public var cumulativeActual: Decimal
    }

    /// The twelve months, January first.
    public let months: [MonthFigures]
    /// The last complete month the ratio runs to; nil when none of the plan's year has ended.
    public let throughMonth: Month?
    /// Cumulative actual ÷ cumulative plan to `throughMonth`, rounded to four decimals; nil with
    /// no plan to date.
    public let ratioToDate: Decimal?
    /// The ratio is below `behindBelow` (a county setting, 0.80 by default).
    public let behind: Bool

    /// - Parameters:
    ///   - monthly: the twelve planned amounts.
    ///   - actual: the twelve months' reported investment (nil: no report).
    ///   - throughMonth: the last complete month (`Month.lastComplete(before:inYear:)`).
    public init(year: Int, monthly: [Decimal], actual: [Decimal?], throughMonth: Month?, behindBelow: Decimal) {
        var plan: Decimal = 0
        var done: Decimal = 0
        var months: [MonthFigures] = []
        for index in 0..<12 {
            let amount = index < monthly.count ? monthly[index] : 0
            let reported = index < actual.count ? actual[index] : nil
            plan += amount
            done += reported ?? 0
            months.append(MonthFigures(
                month: Month(uncheckedYear: year, month: index + 1), plan: amount, actual: reported,
                cumulativePlan: plan, cumulativeActual: done))
        }
        self.months = months
        self.throughMonth = throughMonth
        let cut = throughMonth.flatMap { through in months.last { $0.month == through } }
        if let cut, cut.cumulativePlan > 0 {
            let ratio = (cut.cumulativeActual / cut.cumulativePlan).rounded(places: 4)
            ratioToDate = ratio
            behind = ratio < behindBelow
        } else {
            ratioToDate = nil
            behind = false
        }
    }
}

extension Month {
    /// The last month of `year` that ended before the day `asOf` (Asia/Shanghai); nil if none has.
    public static func lastComplete(before asOf: CalendarDate, inYear year: Int) -> Month? {
        if asOf.year > year { return Month(year: year, month: 12) }
        guard asOf.year == year, asOf.month > 1 else { return nil }
        return Month(year: year, month: asOf.month - 1)
    }
}

/// The county's settings for plans, where it sets none.
public enum PlanDefaults {
    /// Behind plan below this ratio to date (DOMAIN.md: 0.80).
    public static let behindRatio: Decimal = Decimal(string: "0.80")!
}
