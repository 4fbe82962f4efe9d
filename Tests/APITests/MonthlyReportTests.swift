import Foundation
import HTTPTypes
import Hummingbird
import Testing
import TestSupport

@Suite struct MonthlyReportTests {
    static var report: [String: Any] { ["investment_completed": 1234.56, "progress": "主体结构完成", "problems": "用地指标不足"] }

    @Test func districtEditorCreatesReplacesAndLists() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            // MUT: create → 201
            let created = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token, json: Self.report)
            #expect(created.status == .created)
            #expect(created.headers[.eTag] == "\"1\"")
            #expect(created.headers[.location] == "/api/v1/projects/\(project)/reports/2026-03")
            #expect(created.object["month"] as? String == "2026-03")
            #expect(String(decoding: Data(buffer: created.body), as: UTF8.self).contains("\"investment_completed\":1234.56,"))
            #expect((created.object["submitted_by"] as? [String: Any])?["display_name"] as? String == "南明区 editor")
            #expect(created.object["submitted_at"] is String)
            // replacing needs If-Match
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token, json: Self.report).status == .preconditionRequired)
            var changed = Self.report
            changed["investment_completed"] = 2000
            let replaced = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token, json: changed, headers: ifMatch(1))
            #expect(replaced.status == .ok)
            #expect(replaced.object["version"] as? Int == 2)
            let stale = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token, json: changed, headers: ifMatch(1))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.object["current_version"] as? Int == 2)
            // If-Match on a month with no report yet → 412
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-04", token: token, json: Self.report, headers: ifMatch(1)).status == .preconditionFailed)
            // month ascending
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-01", token: token, json: Self.report).status == .created)
            let list = try await api.request(.get, "/api/v1/projects/\(project)/reports", token: token)
            #expect(list.status == .ok)
            #expect(list.items.compactMap { $0["month"] as? String } == ["2026-01", "2026-03"])
            #expect(list.object["total"] as? Int == 2)
            #expect(list.items.allSatisfy { $0["version"] is Int && $0["submitted_at"] is String && $0["progress"] is String })
            // the project's year-to-date investment follows the reports
            let shown = try await api.request(.get, "/api/v1/projects/\(project)", token: token)
            #expect(shown.status == .ok)
        }
    }

    @Test func badMonthsAndBodiesAre4xx() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            for month in ["2026-13", "2026-3", "1999-12", "march"] {
                let response = try await api.request(.put, "/api/v1/projects/\(project)/reports/\(month)", token: token, json: Self.report)
                #expect(response.status == .unprocessableContent)
                #expect(response.errorFields == ["month"])
            }
            let invalid = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token,
                                                json: ["investment_completed": -1, "progress": 5, "color": "red"])
            #expect(Set(invalid.errorFields) == ["investment_completed", "progress", "color"])
            let precise = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token, json: ["investment_completed": 1.005])
            #expect(precise.errorFields == ["investment_completed"])
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token, json: [:] as [String: Any]).errorFields == ["investment_completed"])
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token, raw: "{\"investment_completed\":").status == .badRequest)
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token, raw: "x", headers: [.contentType: "text/plain"]).status == .unsupportedMediaType)
            let huge = "{\"progress\":\"" + String(repeating: "a", count: 1_100_000) + "\"}"
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token, raw: huge).status == .contentTooLarge)
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", json: Self.report).status == .unauthorized)
            #expect(try await api.request(.put, "/api/v1/projects/x/reports/2026-03", token: token, json: Self.report).status == .unprocessableContent)
            #expect(try await api.request(.get, "/api/v1/projects/999999/reports", token: token).status == .notFound)
            #expect(try await api.request(.put, "/api/v1/projects/999999/reports/2026-03", token: token, json: Self.report).status == .notFound)
        }
    }

    @Test func onlyTheDistrictAndTheCountyWriteReports() async throws {
        try await APIHarness.run { api in
            let d1 = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: d1)
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-01", token: d1, json: Self.report).status == .created)
            let path = "/api/v1/projects/\(project)/reports/2026-02"
            // another district: invisible → 404 for reading, listing and writing
            let d2 = try await api.signIn(api.fixture.district2, "editor")
            #expect(try await api.request(.put, path, token: d2, json: Self.report).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/projects/\(project)/reports", token: d2).status == .notFound)
            // the lead department sees but may not write; a department outside its remit sees nothing
            let lead = try await api.signIn(api.fixture.industry, "editor")
            #expect(try await api.request(.get, "/api/v1/projects/\(project)/reports", token: lead).items.count == 1)
            #expect(try await api.request(.put, path, token: lead, json: Self.report).status == .forbidden)
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-01", token: lead, json: Self.report, headers: ifMatch(1)).status == .forbidden)
            let agriculture = try await api.signIn(api.fixture.agriculture, "editor")
            #expect(try await api.request(.put, path, token: agriculture, json: Self.report).status == .notFound)
            // a viewer of the district writes nothing
            let viewer = try await api.signIn(api.fixture.district1, "viewer")
            #expect(try await api.request(.put, path, token: viewer, json: Self.report).status == .forbidden)
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-01", token: viewer, json: Self.report, headers: ifMatch(1)).status == .forbidden)
            // the county editor writes
            let county = try await api.signIn(api.fixture.county, "editor")
            #expect(try await api.request(.put, path, token: county, json: Self.report).status == .created)
            let list = try await api.request(.get, "/api/v1/projects/\(project)/reports", token: viewer)
            #expect(list.items.count == 2)
            #expect((list.items.last?["submitted_by"] as? [String: Any])?["display_name"] as? String == "县人民政府 editor")
        }
    }

    @Test func aBadBodyIsAnsweredBeforeTheProjectIsLookedUp() async throws {
        try await APIHarness.run { api in
            // setup: no project 999999 exists
            let token = try await api.signIn(api.fixture.district1, "editor")
            // MUT
            let response = try await api.request(.put, "/api/v1/projects/999999/reports/2026-03", token: token,
                                                 json: ["investment_completed": -1])
            // validate: the body is checked before any connection is taken
            #expect(response.status == .unprocessableContent)
            #expect(response.errorFields == ["investment_completed"])
        }
    }

    /// A D1 services project (DRC leads it) whose March report `reviewer` approved (version 2);
    /// returns the report's path.
    func approvedReport(_ api: APIClient, district: String, reviewer: String) async throws -> String {
        let project = try await api.createProject(token: district, category: "services")
        let path = "/api/v1/projects/\(project)/reports/2026-03"
        #expect(try await api.request(.put, path, token: district, json: Self.report).status == .created)
        #expect(try await api.request(.post, path + "/review", token: reviewer, json: ["decision": "approve"], headers: ifMatch(1)).status == .ok)
        return path
    }

    @Test func theLeadDepartmentMeetsTheLockOfAnApprovedReport() async throws {
        try await APIHarness.run { api in
            // setup
            let drc = try await api.signIn(api.fixture.drc, "editor")
            let path = try await approvedReport(api, district: try await api.signIn(api.fixture.district1, "editor"), reviewer: drc)
            // MUT
            let locked = try await api.request(.put, path, token: drc, json: Self.report, headers: ifMatch(2))
            // validate
            #expect(locked.status == .conflict)
            #expect(locked.object["code"] as? String == "report_locked")
        }
    }

    @Test func theCountyReplacesAnApprovedReport() async throws {
        try await APIHarness.run { api in
            // setup
            let county = try await api.signIn(api.fixture.county, "editor")
            let path = try await approvedReport(api, district: try await api.signIn(api.fixture.district1, "editor"), reviewer: county)
            // MUT
            let replaced = try await api.request(.put, path, token: county, json: Self.report, headers: ifMatch(2))
            // validate: submitted again
            #expect(replaced.status == .ok)
            #expect(replaced.object["status"] as? String == "submitted" && replaced.object["version"] as? Int == 3)
        }
    }
}
