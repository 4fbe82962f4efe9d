import Foundation
import HTTPTypes
import Testing
import TestSupport

/// Bulletins (通报): figures as of the cut-off, editorial text, gapless numbers, immutability.
@Suite struct BulletinTests {
    /// The rows of the figures' table `code`.
    func rows(_ bulletin: [String: Any], _ code: String) -> [[String: Any]] {
        let tables = (bulletin["figures"] as? [String: Any])?["tables"] as? [[String: Any]] ?? []
        return tables.first { $0["code"] as? String == code }?["rows"] as? [[String: Any]] ?? []
    }

    func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    @Test func aMonthlyBulletinsFiguresEqualTheAPIsFiguresAsOfTheCutOff() async throws {
        try await Loop.run { api in
            // setup: two major projects of D1 with plans, one behind
            let county = try await api.signIn(api.fixture.county, "editor")
            let ahead = try api.majorProject("B-1", district: api.fixture.district1, lead: api.fixture.industry)
            try api.report(ahead, months: 1...11, amount: 100.25)
            let behind = try api.majorProject("B-2", district: api.fixture.district1, lead: api.fixture.drc, monthly: 200)
            try api.report(behind, months: 1...10, amount: 20)
            // MUT
            let drafted = try await api.request(.post, "/api/v1/bulletins", token: county, json: ["kind": "monthly", "month": "2026-11"])
            // validate
            #expect(drafted.status == .created)
            let bulletin = drafted.object
            #expect(bulletin["status"] as? String == "draft")
            #expect(bulletin["number"] is NSNull)
            #expect(bulletin["cut_off"] as? String == "2026-11-30")
            let plans = try await api.request(
                .get, "/api/v1/plans?year=2026&as_of=2026-12-05&district_id=\(api.fixture.district1.id)&major=true", token: county).items
            let district = try #require(rows(bulletin, "investment").first { $0["agency"] as? String == "南明区" })
            let planned = plans.compactMap { number($0["plan_to_date"]) }.reduce(0, +)
            let actual = plans.compactMap { number($0["actual_to_date"]) }.reduce(0, +)
            #expect(number(district["plan_to_date"]) == planned)
            #expect(number(district["actual_to_date"]) == actual)
            let behindAPI = try await api.request(.get, "/api/v1/plans?year=2026&as_of=2026-12-05&behind=true&major=true", token: county).items
            let behindCodes = behindAPI.compactMap { ($0["project"] as? [String: Any])?["code"] as? String }
            #expect(rows(bulletin, "behind_plan").compactMap { $0["code"] as? String } == behindCodes)
            #expect(behindCodes == ["B-2"])
            let reports = try #require(rows(bulletin, "reports").first { $0["agency"] as? String == "南明区" })
            #expect(reports["missing"] as? Int == 1)
        }
    }

    @Test func editingNeedsIfMatchAndAnIssuedBulletinRefusesChanges() async throws {
        try await Loop.run { api in
            // setup
            let county = try await api.signIn(api.fixture.county, "editor")
            let id = try #require(try await api.request(.post, "/api/v1/bulletins", token: county, json: ["kind": "monthly", "month": "2026-11"])
                .object["id"] as? Int)
            let path = "/api/v1/bulletins/\(id)"
            #expect(try await api.request(.patch, path, token: county, json: ["lead_text": "导语"]).status == .preconditionRequired)
            let edited = try await api.request(.patch, path, token: county, json: ["lead_text": "11月全县重大项目推进有力。"], headers: ifMatch(1))
            #expect(edited.status == .ok)
            #expect(edited.object["lead_text"] as? String == "11月全县重大项目推进有力。")
            #expect(try await api.request(.patch, path, token: county, json: ["lead_text": "x"], headers: ifMatch(1)).status == .preconditionFailed)
            let district = try await api.signIn(api.fixture.district2, "viewer")
            #expect(try await api.request(.get, path, token: district).status == .notFound)
            // MUT
            let issued = try await api.request(.post, "\(path)/issue", token: county, headers: ifMatch(2))
            // validate
            #expect(issued.status == .ok)
            #expect(issued.object["status"] as? String == "issued")
            #expect(issued.object["number"] as? String == "余发改通〔2026〕1号")
            #expect(try await api.request(.patch, path, token: county, json: ["lead_text": "改"], headers: ifMatch(3)).status == .conflict)
            #expect(try await api.request(.post, "\(path)/issue", token: county, headers: ifMatch(3)).status == .conflict)
            #expect(try await api.request(.get, path, token: district).status == .ok)
            let told = try await api.request(.get, "/api/v1/notifications", token: district).items
            #expect(told.contains { $0["kind"] as? String == "bulletin_issued" && ($0["subject"] as? [String: Any])?["id"] as? Int == id })
        }
    }

    @Test func concurrentIssuesTakeGaplessNumbers() async throws {
        try await APIHarness.run(clock: .fixed(Loop.today), live: true) { api in
            // setup: eight drafts
            let county = try await api.signIn(api.fixture.county, "editor")
            var ids: [Int] = []
            for _ in 0..<8 {
                ids.append(try #require(try await api.request(.post, "/api/v1/bulletins", token: county,
                                                              json: ["kind": "monthly", "month": "2026-11"]).object["id"] as? Int))
            }
            // MUT: all issued at once
            let numbers = try await withThrowingTaskGroup(of: String?.self) { group in
                for id in ids {
                    group.addTask {
                        try await api.request(.post, "/api/v1/bulletins/\(id)/issue", token: county, headers: ifMatch(1)).object["number"] as? String
                    }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            // validate
            #expect(Set(numbers.compactMap { $0 }) == Set((1...8).map { "余发改通〔2026〕\($0)号" }))
        }
    }

    @Test func badRequestsAre422() async throws {
        try await Loop.run { api in
            let county = try await api.signIn(api.fixture.county, "editor")
            let future = try await api.request(.post, "/api/v1/bulletins", token: county, json: ["kind": "monthly", "month": "2026-12"])
            #expect(future.errorFields == ["month"])
            let noRun = try await api.request(.post, "/api/v1/bulletins", token: county, json: ["kind": "assessment", "run_id": 999])
            #expect(noRun.errorFields == ["run_id"])
            #expect(try await api.request(.post, "/api/v1/bulletins", token: county, json: ["kind": "weekly"]).errorFields == ["kind"])
            let district = try await api.signIn(api.fixture.district1, "editor")
            #expect(try await api.request(.post, "/api/v1/bulletins", token: district, json: ["kind": "monthly", "month": "2026-11"]).status == .forbidden)
        }
    }

    @Test func theListsDownloadAsSpreadsheets() async throws {
        try await Loop.run { api in
            // setup
            let county = try await api.signIn(api.fixture.county, "editor")
            _ = try await api.request(.post, "/api/v1/bulletins", token: county, json: ["kind": "monthly", "month": "2026-11"])
            _ = try await api.prepareMeeting(county, title: "导出调度会")
            // MUT
            let bulletins = try await api.request(.get, "/api/v1/bulletins?format=csv", token: county)
            let meetings = try await api.request(.get, "/api/v1/meetings?format=csv", token: county)
            let mine = try await api.request(.get, "/api/v1/service/mine?format=xlsx", token: county)
            // validate
            #expect(String(buffer: bulletins.body).contains("关于2026年1—11月全县项目建设年重大项目推进情况的通报"))
            #expect(String(buffer: meetings.body).contains("导出调度会,月调度"))
            #expect(mine.status == .ok && mine.headers[.contentType]?.hasPrefix("application/vnd.openxmlformats") == true)
        }
    }
}
