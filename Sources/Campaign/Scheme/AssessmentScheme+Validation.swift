import Foundation

extension AssessmentScheme {
    /// Every rule the scheme breaks, each naming its field (`weights.fai`, `quarter_shares[3]`, `cap`…).
    /// An empty list means the scheme can be used.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        func add(_ field: String, _ message: String) { errors.append(FieldError(field: field, message: message)) }
        let codes = Indicator.allCases.map(\.rawValue).joined(separator: ", ")

        for key in unknownWeightKeys {
            add("weights.\(key)", "is not an indicator; weights are keyed by \(codes)")
        }
        for indicator in Indicator.allCases {
            guard let weight = weights[indicator] else {
                add("weights.\(indicator.rawValue)", "required: a number ≥ 0 (0 leaves the indicator out)")
                continue
            }
            if weight < 0 { add("weights.\(indicator.rawValue)", "must be a number ≥ 0 (got \(weight))") }
        }
        let sum = weights.values.filter { $0 > 0 }.reduce(0, +)
        if sum <= 0 { add("weights", "must have a positive sum: give at least one indicator a weight > 0") }

        if quarterShares.count != 4 {
            add("quarter_shares", "must be 4 numbers: the cumulative shares of the annual target for Q1-Q4, the last 1 (got \(quarterShares.count))")
        } else {
            for (index, share) in quarterShares.enumerated() {
                let field = "quarter_shares[\(index)]"
                if share <= 0 || share > 1 {
                    add(field, "must be > 0 and ≤ 1 (got \(share))")
                } else if index > 0, share < quarterShares[index - 1] {
                    add(field, "must not be below the previous quarter's share \(quarterShares[index - 1]) (shares are cumulative)")
                }
            }
            if quarterShares[3] != 1 {
                add("quarter_shares[3]", "must be exactly 1: the Q4 target is the annual target (got \(quarterShares[3]))")
            }
        }

        if cap < 1 { add("cap", "must be a number ≥ 1, e.g. 1.2 for 120% (got \(cap))") }

        if annualWeight < 0 { add("annual_weight", "must be a number ≥ 0 (got \(annualWeight))") }
        if quarterlyWeight < 0 { add("quarterly_weight", "must be a number ≥ 0 (got \(quarterlyWeight))") }
        if annualWeight + quarterlyWeight != 1 {
            let message = "annual_weight + quarterly_weight must equal 1 (got \(annualWeight) + \(quarterlyWeight))"
            add("annual_weight", message)
            add("quarterly_weight", message)
        }

        if lateReportPenalty < 0 {
            add("late_report_penalty", "must be a number ≥ 0; 0 turns the deduction off (got \(lateReportPenalty))")
        }
        if lateReportPenaltyCap < 0 {
            add("late_report_penalty_cap", "must be a number ≥ 0 (got \(lateReportPenaltyCap))")
        }
        if !(1...28).contains(reportDeadlineDay) {
            add("report_deadline_day", "must be an integer from 1 to 28 (got \(reportDeadlineDay))")
        }
        return errors
    }
}
