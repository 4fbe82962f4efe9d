import Campaign
import Foundation
import Testing

/// A district scored on `fai` only against an annual target of 1000, so its score is actual / 10
/// (the year-run composite equals it too, as every quarter scores the same).
func district(
    _ code: String, fai actual: String?, late: Int = 0, quarters: [QuarterScore]? = nil, group: AssessmentGroup = .district
) -> AgencyFigures {
    let indicators: [Indicator: IndicatorFigures] = actual.map { [.fai: IndicatorFigures(actual: d($0), annualTarget: 1000)] } ?? [:]
    let score = actual.map { d($0) / 10 }
    return AgencyFigures(
        agency: AgencyRef(id: Int64(code.utf8.reduce(0) { $0 * 31 + Int($1) }), code: code, name: "Agency \(code)"),
        group: group, indicators: indicators, lateReports: late,
        quarterScores: quarters ?? Array(repeating: QuarterScore(score: score, provisional: false), count: 4))
}

@Suite struct RankingTests {
    @Test(arguments: [
        ([d("90"), d("80"), d("80"), d("70")], [1, 2, 2, 4]),
        ([d("87.34"), d("87.34"), d("87.35"), nil], [2, 2, 1, nil]),
        ([nil, nil], [nil, nil]),
        ([d("5"), d("5"), d("5"), d("4")], [1, 1, 1, 4]),
    ] as [([Decimal?], [Int?])])
    func competitionRanks(scores: [Decimal?], ranks: [Int?]) {
        #expect(Scoring.competitionRanks(scores) == ranks)
    }

    /// 87.344 and 87.335 both show as 87.34 and share second place; D01 is listed before D02.
    @Test func tiesAtTwoDecimalsShareARank() {
        let outcome = Scoring.assess(AssessmentInput(year: 2026, period: .q4, scheme: .default, agencies: [
            district("D02", fai: "873.44"), district("D03", fai: "900"), district("D01", fai: "873.35"),
            district("D04", fai: "873.3"),
        ]))
        let results = outcome.district
        #expect(results.map(\.agency.code) == ["D03", "D01", "D02", "D04"])
        #expect(results.map(\.rank) == [1, 2, 2, 4])
        #expect(results.map(\.roundedScore) == [90, d("87.34"), d("87.34"), d("87.33")])
        #expect(results[1].score == d("87.335") && results[2].score == d("87.344"))
    }

    /// A tie at third place commends everyone tied; the next rank is 5.
    @Test func tieAtThirdPlaceCommendsAll() {
        let outcome = Scoring.assess(AssessmentInput(year: 2026, period: .year, scheme: .default, agencies: [
            district("D1", fai: "950"), district("D2", fai: "900"), district("D3", fai: "800.01"),
            district("D4", fai: "799.95"), district("D5", fai: "700"), district("D6", fai: nil),
        ]))
        let results = outcome.district
        #expect(results.map(\.agency.code) == ["D1", "D2", "D3", "D4", "D5", "D6"])
        #expect(results.map(\.rank) == [1, 2, 3, 3, 5, nil])
        #expect(results.map(\.roundedScore) == [95, 90, d("80"), d("80"), 70, nil])
        #expect(results.map(\.commended) == [true, true, true, true, false, false])
    }

    /// No applicable indicator: listed after the ranked, by code, with no rank or score.
    @Test func unrankedListedLast() {
        let outcome = Scoring.assess(AssessmentInput(year: 2026, period: .q1, scheme: .default, agencies: [
            district("Z9", fai: nil), district("A1", fai: nil), district("M5", fai: "10"),
        ]))
        let results = outcome.district
        #expect(results.map(\.agency.code) == ["M5", "A1", "Z9"])
        #expect(results.map(\.rank) == [1, nil, nil])
        #expect(results[1].score == nil && results[1].periodScore == nil)
        #expect(results[1].behind.isEmpty && !results[1].commended)
    }

    /// Groups are ranked apart.
    @Test func groupsRankedSeparately() {
        let outcome = Scoring.assess(AssessmentInput(year: 2026, period: .q3, scheme: .default, agencies: [
            district("DEP1", fai: "100", group: .department), district("DIS1", fai: "200"),
            district("DEP2", fai: "300", group: .department),
        ]))
        #expect(outcome.department.map(\.agency.code) == ["DEP2", "DEP1"])
        #expect(outcome.department.map(\.rank) == [1, 2])
        #expect(outcome.district.map(\.rank) == [1])
    }

    /// A deduction can push a score below zero; −2.345 shows as −2.35 (half away from zero).
    @Test func negativeScoreRoundsAwayFromZero() {
        var scheme = AssessmentScheme.default
        scheme.lateReportPenalty = d("0.469")
        let outcome = Scoring.assess(AssessmentInput(year: 2026, period: .q1, scheme: scheme, agencies: [
            district("D1", fai: "0", late: 5), district("D2", fai: "0", late: 0),
        ]))
        #expect(outcome.district.map(\.agency.code) == ["D2", "D1"])
        #expect(outcome.district[1].deduction == d("2.345"))
        #expect(outcome.district[1].score == d("-2.345"))
        #expect(outcome.district[1].roundedScore == d("-2.35"))
        #expect(outcome.district.map(\.rank) == [1, 2])
    }
}
