import Campaign
import Foundation
import Testing

/// The rules one at a time, on hand-computed figures.
@Suite struct ScoringRuleTests {
    let scheme = AssessmentScheme.default

    /// (actual, annual target) → (ratio, points) for `fai` (weight 40, cap 1.2) in a year run.
    @Test(arguments: [
        ("50", "100", "0.5", "20"), ("100", "100", "1", "40"), ("119", "100", "1.19", "47.6"),
        ("120", "100", "1.2", "48"), ("150", "100", "1.5", "48"), ("0", "100", "0", "0"),
        ("1", "3", "0.33333333333333333333333333333333333333", "13.3333333333333333333333333333333333332"),
    ])
    func ratioAndCappedPoints(actual: String, target: String, ratio: String, points: String) {
        let result = Scoring.indicatorResult(
            .fai, figures: IndicatorFigures(actual: d(actual), annualTarget: d(target)), period: .year, scheme: scheme)
        #expect(result.applicable)
        #expect(result.ratio == d(ratio))
        #expect(result.points == d(points))
    }

    /// Missing, zero (and negative) targets do not apply: no ratio, no points, no weight.
    @Test(arguments: [nil, "0", "-5"])
    func targetThatDoesNotApply(target: String?) {
        let figures = IndicatorFigures(actual: d("500"), annualTarget: target.map(d))
        let result = Scoring.indicatorResult(.majorInvestment, figures: figures, period: .q2, scheme: scheme)
        #expect(!result.applicable)
        #expect(result.ratio == nil && result.points == nil)
        #expect(!result.isBelowTarget)
        let fai = Scoring.indicatorResult(
            .fai, figures: IndicatorFigures(actual: 45, annualTarget: 100), period: .q2, scheme: scheme)
        // fai alone: 100 × 40 / 40 = 100, the inapplicable weight 20 is left out.
        #expect(Scoring.score([fai, result], deduction: 0) == 100)
    }

    /// Rule 3: quarterly targets are annual × 0.20, 0.45, 0.75, 1.00.
    @Test(arguments: [(Period.q1, "200"), (.q2, "450"), (.q3, "750"), (.q4, "1000"), (.year, "1000")])
    func periodTargets(period: Period, target: String) {
        #expect(Scoring.periodTarget(annual: 1000, period: period, scheme: scheme) == d(target))
        let result = Scoring.indicatorResult(
            .fai, figures: IndicatorFigures(actual: 300, annualTarget: 1000), period: period, scheme: scheme)
        #expect(result.target == d(target))
        #expect(result.ratio == 300 / d(target))
    }

    @Test func missingFiguresCountAsZeroWithoutTarget() {
        let result = Scoring.indicatorResult(.completions, figures: nil, period: .q1, scheme: scheme)
        #expect(result.actual == 0 && result.target == nil && !result.applicable)
    }

    /// Rule 4: 100 × Σ points / Σ applicable weights; fai 40 × 1 + major 20 × 0.5 = 50 of 60.
    @Test func scoreOverApplicableWeights() {
        let results = [
            Scoring.indicatorResult(.fai, figures: .init(actual: 1000, annualTarget: 1000), period: .year, scheme: scheme),
            Scoring.indicatorResult(.majorInvestment, figures: .init(actual: 250, annualTarget: 500), period: .year, scheme: scheme),
            Scoring.indicatorResult(.newStarts, figures: .init(actual: 3, annualTarget: nil), period: .year, scheme: scheme),
        ]
        let score = Scoring.score(results, deduction: 0)
        #expect(score == d("5000") / 60)
        #expect(score.map(Scoring.roundScore) == d("83.33"))
        #expect(Scoring.score(results, deduction: d("1.5")).map(Scoring.roundScore) == d("81.83"))
        #expect(Scoring.score(Array(results.suffix(1)), deduction: 0) == nil)
    }

    /// Rule 5: min(penalty × late, cap), districts only.
    @Test(arguments: [
        ("0.5", "2", 3, AssessmentGroup.district, "1.5"), ("0.5", "2", 5, .district, "2"),
        ("0.5", "2", 4, .district, "2"), ("0.5", "2", 0, .district, "0"), ("0.5", "2", 5, .department, "0"),
        ("0", "10", 7, .district, "0"),
    ])
    func deduction(penalty: String, cap: String, late: Int, group: AssessmentGroup, expected: String) {
        var scheme = scheme
        scheme.lateReportPenalty = d(penalty)
        scheme.lateReportPenaltyCap = d(cap)
        #expect(Scoring.deduction(lateReports: late, group: group, scheme: scheme) == d(expected))
    }

    /// Rule 6: 0.6 × year + 0.4 × mean(quarters).
    @Test func composite() {
        let quarters = ["80", "85", "90", "95"].map { QuarterScore(score: d($0), provisional: false) }
        // 0.6 × 90 + 0.4 × 87.5 = 54 + 35
        #expect(Scoring.composite(yearScore: 90, quarterScores: quarters, scheme: scheme) == 89)
        var oneMissing = quarters
        oneMissing[3].score = nil
        // mean of 80, 85, 90 = 85 → 54 + 34
        #expect(Scoring.composite(yearScore: 90, quarterScores: oneMissing, scheme: scheme) == 88)
        #expect(Scoring.composite(yearScore: 90, quarterScores: [], scheme: scheme) == 90)
    }

    @Test func behindAndMissed() {
        let q2 = [
            Scoring.indicatorResult(.fai, figures: .init(actual: d("449.99"), annualTarget: 1000), period: .q2, scheme: scheme),
            Scoring.indicatorResult(.majorInvestment, figures: .init(actual: 45, annualTarget: 100), period: .q2, scheme: scheme),
            Scoring.indicatorResult(.newStarts, figures: .init(actual: 0, annualTarget: 0), period: .q2, scheme: scheme),
            Scoring.indicatorResult(.completions, figures: .init(actual: 0, annualTarget: 2), period: .q2, scheme: scheme),
        ]
        #expect(Scoring.behind(q2) == [.fai, .completions])
        let year = [
            Scoring.indicatorResult(.fai, figures: .init(actual: d("999.99"), annualTarget: 1000), period: .year, scheme: scheme),
            Scoring.indicatorResult(.majorInvestment, figures: .init(actual: 100, annualTarget: 100), period: .year, scheme: scheme),
            Scoring.indicatorResult(.attractionFunds, figures: .init(actual: 0, annualTarget: nil), period: .year, scheme: scheme),
        ]
        #expect(Scoring.missed(year) == [.fai])
    }

    @Test(arguments: [(1, true), (3, true), (4, false), (nil, false)] as [(Int?, Bool)])
    func commendation(rank: Int?, commended: Bool) {
        #expect(Scoring.isCommended(rank: rank) == commended)
    }
}
