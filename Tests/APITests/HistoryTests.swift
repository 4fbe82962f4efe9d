import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct HistoryTests {
    @Test func historyListsProjectAndChildChangesNewestFirst() async throws {
        try await APIHarness.run { api in
            let d1 = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: d1)
            #expect(try await api.request(.patch, "/api/v1/projects/\(project)", token: d1, json: ["name": "改名"], headers: ifMatch(1)).status == .ok)
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-02", token: d1, json: ["investment_completed": 10]).status == .created)
            let county = try await api.signIn(api.fixture.county, "editor")
            let funding = try #require(try await api.request(.post, "/api/v1/projects/\(project)/funding", token: county,
                                                             json: ["kind": "county_fiscal", "planned_amount": 50]).object["id"] as? Int)
            #expect(try await api.request(.delete, "/api/v1/funding/\(funding)", token: county, headers: ifMatch(1)).status == .noContent)
            // MUT
            let history = try await api.request(.get, "/api/v1/projects/\(project)/history", token: d1)
            // validation: newest first, children included, county users named even to a district
            #expect(history.status == .ok)
            #expect(history.object["total"] as? Int == 5)
            let entries = history.items
            #expect(entries.compactMap { $0["action"] as? String } == ["delete", "insert", "insert", "update", "insert"])
            #expect(entries.compactMap { $0["table"] as? String } == ["funding_sources", "funding_sources", "monthly_reports", "projects", "projects"])
            #expect((entries[0]["user"] as? [String: Any])?["display_name"] as? String == "县人民政府 editor")
            #expect((entries[3]["user"] as? [String: Any])?["display_name"] as? String == "南明区 editor")
            let rename = try #require(entries[3]["changes"] as? [String: Any])
            #expect((rename["name"] as? [String: Any])?["new"] as? String == "改名")
            #expect((rename["name"] as? [String: Any])?["old"] as? String == "项目 P-001")
            #expect(entries.allSatisfy { $0["at"] is String })
            // what people entered, not what PostgreSQL derives (the stored submission day)
            let report = try #require(entries[2]["changes"] as? [String: Any])
            #expect((report["investment_completed"] as? [String: Any])?["new"] != nil)
            #expect(report["first_submitted_days_after_month"] == nil)
            let paged = try await api.request(.get, "/api/v1/projects/\(project)/history?limit=2&offset=4", token: d1)
            #expect(paged.items.count == 1)
            #expect(paged.object["total"] as? Int == 5)
        }
    }

    @Test func historyFollowsProjectVisibility() async throws {
        try await APIHarness.run { api in
            let d1 = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: d1)
            let path = "/api/v1/projects/\(project)/history"
            #expect(try await api.request(.get, path, token: api.signIn(api.fixture.district2, "editor")).status == .notFound)
            #expect(try await api.request(.get, path, token: api.signIn(api.fixture.agriculture, "viewer")).status == .notFound)
            #expect(try await api.request(.get, path, token: api.signIn(api.fixture.industry, "viewer")).object["total"] as? Int == 1)
            #expect(try await api.request(.get, path, token: api.signIn(api.fixture.county, "viewer")).object["total"] as? Int == 1)
            #expect(try await api.request(.get, path).status == .unauthorized)
            #expect(try await api.request(.get, "/api/v1/projects/0/history", token: d1).status == .unprocessableContent)
            #expect(try await api.request(.get, "\(path)?limit=x", token: d1).status == .unprocessableContent)
        }
    }
}
