import Foundation

/// The rules of a year's assessment: indicator weights, quarterly target shares, the cap on a
/// ratio, the year-end composite's weights and the late-report deduction.
///
/// Coded as the contract's JSON: `{"weights":{indicator: number},"quarter_shares":[4 numbers],
/// "cap","annual_weight","quarterly_weight","late_report_penalty","late_report_penalty_cap",
/// "report_deadline_day"}`; an absent key takes the default's value, but a present `weights`
/// object must name all five indicators. Decoding only reads; call `validate()` (or use
/// `parse(_:)`) before use.
public struct AssessmentScheme: Sendable, Hashable {
    /// Each indicator's weight (≥ 0, positive sum).
    public var weights: [Indicator: Decimal]
    /// Cumulative shares of the annual target due by the end of Q1…Q4; the last is 1.
    public var quarterShares: [Decimal]
    /// The largest ratio of actual to target that earns points (1.2 = 120%).
    public var cap: Decimal
    /// The year score's weight in the year-end composite.
    public var annualWeight: Decimal
    /// The weight of the mean quarter score in the year-end composite.
    public var quarterlyWeight: Decimal
    /// Points deducted per late monthly report in a district's remit (0 turns the deduction off).
    public var lateReportPenalty: Decimal
    /// The most points deducted for late reports.
    public var lateReportPenaltyCap: Decimal
    /// A month's report is late if submitted after this day (1…28) of the following month.
    public var reportDeadlineDay: Int
    /// Weight keys that name no indicator, kept from decoding so `validate()` can report them.
    public internal(set) var unknownWeightKeys: [String] = []

    /// A scheme from its parts.
    public init(
        weights: [Indicator: Decimal], quarterShares: [Decimal], cap: Decimal,
        annualWeight: Decimal, quarterlyWeight: Decimal,
        lateReportPenalty: Decimal, lateReportPenaltyCap: Decimal, reportDeadlineDay: Int
    ) {
        self.weights = weights
        self.quarterShares = quarterShares
        self.cap = cap
        self.annualWeight = annualWeight
        self.quarterlyWeight = quarterlyWeight
        self.lateReportPenalty = lateReportPenalty
        self.lateReportPenaltyCap = lateReportPenaltyCap
        self.reportDeadlineDay = reportDeadlineDay
    }

    /// The campaign's default scheme (DOMAIN.md, "The assessment"); `config/default-scheme.json`
    /// holds the same values.
    public static let `default` = AssessmentScheme(
        weights: [.fai: 40, .majorInvestment: 20, .newStarts: 10, .completions: 10, .attractionFunds: 20],
        quarterShares: [decimal("0.20"), decimal("0.45"), decimal("0.75"), 1],
        cap: decimal("1.2"),
        annualWeight: decimal("0.6"),
        quarterlyWeight: decimal("0.4"),
        lateReportPenalty: 0,
        lateReportPenaltyCap: 10,
        reportDeadlineDay: 5
    )

    /// The weight of `indicator` (0 if the scheme has none).
    public func weight(of indicator: Indicator) -> Decimal { weights[indicator] ?? 0 }

    /// The cumulative share of the annual target due by the end of `period` (1 for the year).
    public func share(for period: Period) -> Decimal {
        guard period.isQuarter, quarterShares.indices.contains(period.shareIndex) else { return 1 }
        return quarterShares[period.shareIndex]
    }

    /// An exact decimal from literal text (never through `Double`).
    static func decimal(_ text: String) -> Decimal { Decimal(string: text)! }
}

extension AssessmentScheme: Codable {
    enum CodingKeys: String, CodingKey {
        case weights
        case quarterShares = "quarter_shares"
        case cap
        case annualWeight = "annual_weight"
        case quarterlyWeight = "quarterly_weight"
        case lateReportPenalty = "late_report_penalty"
        case lateReportPenaltyCap = "late_report_penalty_cap"
        case reportDeadlineDay = "report_deadline_day"
    }

    /// Decodes the contract's JSON. Absent keys (and nulls) take the default scheme's value, as
    /// the database's `app.scheme_is_valid` allows; unknown weight keys are kept for `validate()`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let base = AssessmentScheme.default
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try container.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        self.init(
            weights: [:],
            quarterShares: try value(.quarterShares, base.quarterShares),
            cap: try value(.cap, base.cap),
            annualWeight: try value(.annualWeight, base.annualWeight),
            quarterlyWeight: try value(.quarterlyWeight, base.quarterlyWeight),
            lateReportPenalty: try value(.lateReportPenalty, base.lateReportPenalty),
            lateReportPenaltyCap: try value(.lateReportPenaltyCap, base.lateReportPenaltyCap),
            reportDeadlineDay: try value(.reportDeadlineDay, base.reportDeadlineDay)
        )
        guard let rawWeights = try container.decodeIfPresent([String: Decimal].self, forKey: .weights) else {
            weights = base.weights
            return
        }
        for (key, value) in rawWeights {
            if let indicator = Indicator(rawValue: key) {
                weights[indicator] = value
            } else {
                unknownWeightKeys.append(key)
            }
        }
        unknownWeightKeys.sort()
    }

    /// Encodes the contract's JSON (weights keyed by indicator code).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let rawWeights = Dictionary(uniqueKeysWithValues: weights.map { ($0.key.rawValue, $0.value) })
        try container.encode(rawWeights, forKey: .weights)
        try container.encode(quarterShares, forKey: .quarterShares)
        try container.encode(cap, forKey: .cap)
        try container.encode(annualWeight, forKey: .annualWeight)
        try container.encode(quarterlyWeight, forKey: .quarterlyWeight)
        try container.encode(lateReportPenalty, forKey: .lateReportPenalty)
        try container.encode(lateReportPenaltyCap, forKey: .lateReportPenaltyCap)
        try container.encode(reportDeadlineDay, forKey: .reportDeadlineDay)
    }
}
