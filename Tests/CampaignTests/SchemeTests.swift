import Campaign
import Foundation
import Testing

@Suite struct SchemeTests {
    @Test func defaultIsDomainsDefault() {
        let scheme = AssessmentScheme.default
        #expect(scheme.validate().isEmpty)
        #expect(Indicator.allCases.map(scheme.weight(of:)) == [40, 20, 10, 10, 20])
        #expect(scheme.quarterShares == [d("0.20"), d("0.45"), d("0.75"), 1])
        #expect(scheme.cap == d("1.2"))
        #expect(scheme.annualWeight == d("0.6") && scheme.quarterlyWeight == d("0.4"))
        #expect(scheme.lateReportPenalty == 0 && scheme.lateReportPenaltyCap == 10)
        #expect(scheme.reportDeadlineDay == 5)
    }

    @Test func configFileMatchesDefault() throws {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let file = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config/default-scheme.json")
        #expect(try AssessmentScheme.load(from: file) == .default)
    }

    @Test func jsonRoundTripUsesContractKeys() throws {
        let data = try AssessmentScheme.default.jsonData()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == [
            "weights", "quarter_shares", "cap", "annual_weight", "quarterly_weight", "late_report_penalty",
            "late_report_penalty_cap", "report_deadline_day",
        ])
        #expect(String(decoding: data, as: UTF8.self).contains(#""major_investment":20"#))
        #expect(try AssessmentScheme.parse(data).get() == .default)
    }

    /// Exactness: 0.7 + 0.3 = 1 and 0.1, 0.35, 0.8 shares only hold if nothing goes through Double.
    @Test func parsesExactDecimals() throws {
        let json = #"""
        {"weights":{"fai":1,"major_investment":0,"new_starts":0,"completions":0,"attraction_funds":0},
         "quarter_shares":[0.1,0.35,0.8,1],"cap":1,"annual_weight":0.7,"quarterly_weight":0.3,
         "late_report_penalty":0.1,"late_report_penalty_cap":0.3,"report_deadline_day":28}
        """#
        let scheme = try AssessmentScheme.parse(Data(json.utf8)).get()
        #expect(scheme.quarterShares == [d("0.1"), d("0.35"), d("0.8"), 1])
        #expect(scheme.lateReportPenalty * 3 == scheme.lateReportPenaltyCap)
    }

    @Test(arguments: [
        "not json", "[]", #"{"cap":"1.2"}"#, #"{"quarter_shares":{"q1":0.2}}"#,
        #"{"weights":{"fai":"40"},"quarter_shares":[1,1,1,1],"cap":1,"annual_weight":1,"quarterly_weight":0,"late_report_penalty":0,"late_report_penalty_cap":0,"report_deadline_day":5}"#,
    ])
    func malformedDocuments(json: String) {
        guard case .failure(.malformed(let message)) = AssessmentScheme.parse(Data(json.utf8)) else {
            Issue.record("expected malformed for \(json)")
            return
        }
        #expect(!message.isEmpty)
    }

    /// Absent keys take the default's values (as the database allows); a present weights object
    /// must be complete.
    @Test func absentKeysTakeTheDefault() throws {
        #expect(try AssessmentScheme.parse(Data("{}".utf8)).get() == .default)
        let capped = try AssessmentScheme.parse(Data(#"{"cap":1.5,"late_report_penalty":null}"#.utf8)).get()
        #expect(capped.cap == d("1.5") && capped.weights == AssessmentScheme.default.weights)
        #expect(capped.lateReportPenalty == 0)
        guard case .failure(.invalid(let errors)) = AssessmentScheme.parse(Data(#"{"weights":{"fai":1}}"#.utf8)) else {
            Issue.record("expected invalid")
            return
        }
        #expect(errors.map(\.field)
            == ["weights.major_investment", "weights.new_starts", "weights.completions", "weights.attraction_funds"])
    }

    /// Each broken rule names its field(s).
    static let bad: [(String, @Sendable (inout AssessmentScheme) -> Void, [String])] = [
        ("negative weight", { $0.weights[.fai] = -1 }, ["weights.fai"]),
        ("missing weight", { $0.weights[.completions] = nil }, ["weights.completions"]),
        ("zero sum", { s in for i in Indicator.allCases { s.weights[i] = 0 } }, ["weights"]),
        ("three shares", { $0.quarterShares = [d("0.2"), d("0.5"), 1] }, ["quarter_shares"]),
        ("zero share", { $0.quarterShares[0] = 0 }, ["quarter_shares[0]"]),
        ("decreasing", { $0.quarterShares[1] = d("0.1") }, ["quarter_shares[1]"]),
        ("last not 1", { $0.quarterShares[3] = d("0.9") }, ["quarter_shares[3]"]),
        ("above 1", { $0.quarterShares[2] = d("1.1") }, ["quarter_shares[2]", "quarter_shares[3]"]),
        ("cap below 1", { $0.cap = d("0.99") }, ["cap"]),
        ("weights sum", { $0.annualWeight = d("0.7") }, ["annual_weight", "quarterly_weight"]),
        ("negative annual", { $0.annualWeight = d("-0.2"); $0.quarterlyWeight = d("1.2") }, ["annual_weight"]),
        ("negative penalty", { $0.lateReportPenalty = -1 }, ["late_report_penalty"]),
        ("negative penalty cap", { $0.lateReportPenaltyCap = d("-0.5") }, ["late_report_penalty_cap"]),
        ("deadline 0", { $0.reportDeadlineDay = 0 }, ["report_deadline_day"]),
        ("deadline 29", { $0.reportDeadlineDay = 29 }, ["report_deadline_day"]),
    ]

    @Test(arguments: bad)
    func invalidFieldsAreNamed(name: String, change: @Sendable (inout AssessmentScheme) -> Void, fields: [String]) {
        var scheme = AssessmentScheme.default
        change(&scheme)
        #expect(scheme.validate().map(\.field) == fields, "\(name)")
    }

    @Test func unknownIndicatorIsNamed() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(with: AssessmentScheme.default.jsonData()) as? [String: Any])
        object["weights"] = ["fai": 40, "major_investment": 20, "new_starts": 10, "completions": 10,
                             "attraction_funds": 20, "gdp": 5]
        let data = try JSONSerialization.data(withJSONObject: object)
        guard case .failure(.invalid(let errors)) = AssessmentScheme.parse(data) else {
            Issue.record("expected invalid")
            return
        }
        #expect(errors.map(\.field) == ["weights.gdp"])
        #expect(errors[0].message.arguments["allowed"] == "fai, major_investment, new_starts, completions, attraction_funds")
    }

    @Test(arguments: [(Period.q1, "0.20"), (.q2, "0.45"), (.q3, "0.75"), (.q4, "1"), (.year, "1")])
    func shareForPeriod(period: Period, share: String) {
        #expect(AssessmentScheme.default.share(for: period) == d(share))
    }
}
