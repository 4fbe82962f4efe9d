import Campaign
import Foundation
import Testing

/// Whole runs on hand-computed figures.
@Suite struct AssessTests {
    /// Q2: fai 449.99 of 450 (behind), major 45 of 45, new starts 2 of 0.9 (capped), no completions target.
    /// points 40 × 0.99997…, 20 × 1, 10 × 1.2; score = 100 × Σ / 70 − 2 × 0.25.
    @Test func quarterRun() throws {
        let agency = AgencyFigures(
            agency: AgencyRef(id: 7, code: "D07", name: "Jinyang"), group: .district,
            indicators: [
                .fai: .init(actual: d("449.99"), annualTarget: 1000),
                .majorInvestment: .init(actual: 45, annualTarget: 100),
                .newStarts: .init(actual: 2, annualTarget: 2),
                .completions: .init(actual: 1, annualTarget: nil),
            ], lateReports: 2)
        var scheme = AssessmentScheme.default
        scheme.lateReportPenalty = d("0.25")
        let outcome = Scoring.assess(AssessmentInput(year: 2026, period: .q2, scheme: scheme, agencies: [agency]))
        let result = try #require(outcome.district.first)
        let fai = 40 * (d("449.99") / 450)
        let expected = 100 * (fai + 20 + 12) / 70 - d("0.5")
        #expect(result.indicators.map(\.target) == [450, 45, d("0.9"), nil, nil])
        #expect(result.indicators[2].points == 12)
        #expect(result.deduction == d("0.5"))
        #expect(result.score == expected)
        // 100 × (39.99911… + 20 + 12) / 70 − 0.5 = 102.3559…
        #expect(result.roundedScore == d("102.36"))
        #expect(result.behind == [.fai])
        #expect(!result.accountable && result.missed.isEmpty && !result.commended && !result.provisional)
        #expect(result.rank == 1)
    }

    /// Year: year score 100 × (40 × 1.2 + 20 × 0.9) / 60 = 110; quarters 100, 90, 80, 70 (mean 85, Q4
    /// provisional); composite 0.6 × 110 + 0.4 × 85 = 100. Major at 90% is missed.
    @Test func yearRunWithProvisionalQuarter() throws {
        let quarters = [("100", false), ("90", false), ("80", false), ("70", true)]
            .map { QuarterScore(score: d($0.0), provisional: $0.1) }
        let agency = AgencyFigures(
            agency: AgencyRef(id: 3, code: "DRC", name: "DRC"), group: .department,
            indicators: [
                .fai: .init(actual: 1500, annualTarget: 1000),
                .majorInvestment: .init(actual: 90, annualTarget: 100),
            ], lateReports: 9, quarterScores: quarters)
        var scheme = AssessmentScheme.default
        scheme.lateReportPenalty = 1
        let outcome = Scoring.assess(AssessmentInput(year: 2026, period: .year, scheme: scheme, agencies: [agency]))
        let result = try #require(outcome.department.first)
        #expect(result.deduction == 0, "departments have no report deduction")
        #expect(result.periodScore == 110)
        #expect(result.score == 100)
        #expect(result.provisional)
        #expect(result.accountable && result.missed == [.majorInvestment])
        #expect(result.commended && result.rank == 1)
        #expect(result.behind.isEmpty)
        #expect(result.quarterScores == quarters)
    }

    @Test func yearRunRanksByRoundedComposite() {
        // A: year 90, quarters 80 → 0.6 × 90 + 0.4 × 80 = 86; B: year 85, quarters 88 → 51 + 35.2 = 86.2
        let a = district("A", fai: "900", quarters: Array(repeating: .init(score: 80, provisional: false), count: 4))
        let b = district("B", fai: "850", quarters: Array(repeating: .init(score: 88, provisional: false), count: 4))
        let outcome = Scoring.assess(AssessmentInput(year: 2026, period: .year, scheme: .default, agencies: [a, b]))
        #expect(outcome.district.map(\.agency.code) == ["B", "A"])
        #expect(outcome.district.map(\.roundedScore) == [d("86.2"), 86])
        #expect(outcome.district.map(\.periodScore) == [85, 90])
        #expect(outcome.district.allSatisfy { $0.accountable && $0.missed == [.fai] && !$0.provisional })
    }

    @Test func rankingEntryShape() throws {
        let outcome = Scoring.assess(AssessmentInput(year: 2026, period: .year, scheme: .default, agencies: [
            district("D1", fai: "1234.567"), district("D2", fai: nil),
        ]))
        let groups = RankingGroups(outcome)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try #require(try JSONSerialization.jsonObject(with: encoder.encode(groups)) as? [String: Any])
        let entries = try #require(json["district"] as? [[String: Any]])
        #expect((json["department"] as? [Any])?.isEmpty == true)
        #expect(Set(entries[0].keys) == [
            "rank", "agency", "score", "provisional", "indicators", "deduction", "commended", "accountable",
            "missed", "behind", "year_score", "quarter_scores",
        ])
        // year score 100 × 48 / 40 = 120 (capped); composite 0.6 × 120 + 0.4 × 123.4567 = 121.38268
        #expect(groups.district[0].yearScore == d("120"))
        #expect(groups.district[0].score == d("121.38"))
        #expect(groups.district[0].indicators[0].ratio == d("1.2346"))
        #expect(groups.district[0].indicators[0].points == d("48"))
        #expect(groups.district[0].quarterScores == [d("123.46"), d("123.46"), d("123.46"), d("123.46")])
        #expect(entries[1]["rank"] is NSNull && entries[1]["score"] is NSNull)
        let line = try #require((entries[1]["indicators"] as? [[String: Any]])?.first)
        #expect(Set(line.keys) == ["code", "actual", "target", "ratio", "points"])
        #expect(line["code"] as? String == "fai" && line["ratio"] is NSNull)

        let quarter = Scoring.assess(AssessmentInput(year: 2026, period: .q1, scheme: .default, agencies: [
            district("D1", fai: "100"),
        ]))
        let entry = try #require(RankingGroups(quarter).district.first)
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(entry)) as? [String: Any])
        #expect(object["year_score"] == nil && object["quarter_scores"] == nil)
        #expect(object["behind"] as? [String] == ["fai"])
        #expect(try JSONDecoder().decode(RankingEntry.self, from: encoder.encode(entry)) == entry)
    }

    @Test func inputsAndOutcomeRoundTripAsJSON() throws {
        let input = AssessmentInput(year: 2026, period: .q3, scheme: .default, agencies: [
            district("D1", fai: "333.33", late: 1), district("D2", fai: nil),
        ])
        let data = try JSONEncoder().encode(input)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""late_reports":1"#) && text.contains(#""annual_target":1000"#))
        #expect(text.contains(#""indicators":{"fai":{"#) && text.contains(#""quarter_shares":[0.2,0.45,0.75,1]"#))
        #expect(try JSONDecoder().decode(AssessmentInput.self, from: data) == input)
        let outcome = Scoring.assess(input)
        let encoded = try JSONEncoder().encode(outcome)
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""rounded_score":44.44"#))
        #expect(try JSONDecoder().decode(AssessmentOutcome.self, from: encoded) == outcome)
    }
}
