import Foundation

extension AssessmentScheme {
    /// Every rule the scheme breaks, each naming its field (`weights.fai`, `quarter_shares[3]`, `cap`…).
    /// An empty list means the scheme can be used.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        func add(_ field: String, _ code: MessageCode, _ arguments: [String: String] = [:]) {
            errors.append(FieldError(field: field, code, arguments))
        }
        let codes = Indicator.allCases.map(\.rawValue).joined(separator: ", ")

        for key in unknownWeightKeys {
            add("weights.\(key)", .weightNotIndicator, ["allowed": codes])
        }
        for indicator in Indicator.allCases {
            guard let weight = weights[indicator] else {
                add("weights.\(indicator.rawValue)", .weightRequired)
                continue
            }
            if weight < 0 { add("weights.\(indicator.rawValue)", .numberNegative, ["got": "\(weight)"]) }
        }
        let sum = weights.values.filter { $0 > 0 }.reduce(0, +)
        if sum <= 0 { add("weights", .weightsSumZero) }

        if quarterShares.count != 4 {
            add("quarter_shares", .quarterSharesCount, ["got": "\(quarterShares.count)"])
        } else {
            for (index, share) in quarterShares.enumerated() {
                let field = "quarter_shares[\(index)]"
                if share <= 0 || share > 1 {
                    add(field, .quarterShareRange, ["got": "\(share)"])
                } else if index > 0, share < quarterShares[index - 1] {
                    add(field, .quarterSharesDecrease, ["previous": "\(quarterShares[index - 1])"])
                }
            }
            if quarterShares[3] != 1 {
                add("quarter_shares[3]", .quarterShareLast, ["got": "\(quarterShares[3])"])
            }
        }

        if cap < 1 { add("cap", .capBelowOne, ["got": "\(cap)"]) }

        if annualWeight < 0 { add("annual_weight", .numberNegative, ["got": "\(annualWeight)"]) }
        if quarterlyWeight < 0 { add("quarterly_weight", .numberNegative, ["got": "\(quarterlyWeight)"]) }
        if annualWeight + quarterlyWeight != 1 {
            let sum = ["annual": "\(annualWeight)", "quarterly": "\(quarterlyWeight)"]
            add("annual_weight", .periodWeightsSum, sum)
            add("quarterly_weight", .periodWeightsSum, sum)
        }

        if lateReportPenalty < 0 {
            add("late_report_penalty", .numberNegative, ["got": "\(lateReportPenalty)"])
        }
        if lateReportPenaltyCap < 0 {
            add("late_report_penalty_cap", .numberNegative, ["got": "\(lateReportPenaltyCap)"])
        }
        if !(1...28).contains(reportDeadlineDay) {
            add("report_deadline_day", .deadlineDay, ["got": "\(reportDeadlineDay)"])
        }
        return errors
    }
}
