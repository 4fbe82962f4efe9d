import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Report review: who may take which decision, the transitions, the lock on approved reports,
/// and the queue.
@Suite struct ReviewTests {
    /// A D1 services project (DRC leads it) with a submitted March report; returns its path.
    func submittedReport(_ api: APIClient, district: String, code: String = "P-001", month: String = "2026-03") async throws -> String {
        let project = try await api.createProject(token: district, code: code, category: "services")
        let path = "/api/v1/projects/\(project)/reports/\(month)"
        let created = try await api.request(.put, path, token: district, json: ["investment_completed": 100, "progress": "基础施工"])
        #expect(created.status == .created)
        #expect(created.object["status"] as? String == "submitted")
        #expect(created.object["first_submitted_at"] as? String == created.object["submitted_at"] as? String)
        #expect(created.object["review_comment"] is NSNull && created.object["reviewed_by"] is NSNull)
        return path
    }

    func decide(_ api: APIClient, _ path: String, _ token: String, _ decision: String, comment: String? = nil, version: Int?) async throws -> TestResponse {
        var body: [String: Any] = ["decision": decision]
        if let comment { body["comment"] = comment }
        return try await api.request(.post, path + "/review", token: token, json: body, headers: version.map(ifMatch) ?? [:])
    }

    @Test func approveLocksReopenUnlocksReturnAsksForAFix() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let drc = try await api.signIn(api.fixture.drc, "editor")
            let county = try await api.signIn(api.fixture.county, "editor")
            let path = try await submittedReport(api, district: district)
            // approving needs If-Match, and the current version
            #expect(try await decide(api, path, drc, "approve", version: nil).status == .preconditionRequired)
            #expect(try await decide(api, path, drc, "approve", version: 7).status == .preconditionFailed)
            let approved = try await decide(api, path, drc, "approve", comment: "数据核实无误", version: 1)
            #expect(approved.status == .ok)
            #expect(approved.object["status"] as? String == "approved" && approved.object["version"] as? Int == 2)
            #expect(approved.headers[.eTag] == "\"2\"")
            #expect((approved.object["reviewed_by"] as? [String: Any])?["display_name"] as? String == "发展和改革局 editor")
            #expect(approved.object["reviewed_at"] is String && approved.object["review_comment"] as? String == "数据核实无误")
            // a decision that does not fit the status
            #expect(try await decide(api, path, drc, "approve", version: 2).status == .conflict)
            #expect(try await decide(api, path, drc, "return", comment: "x", version: 2).status == .conflict)
            // locked for the district
            let locked = try await api.request(.put, path, token: district, json: ["investment_completed": 1], headers: ifMatch(2))
            #expect(locked.status == .conflict)
            #expect(locked.object["code"] as? String == "report_locked")
            // only the county reopens
            #expect(try await decide(api, path, drc, "reopen", version: 2).status == .forbidden)
            let reopened = try await decide(api, path, county, "reopen", version: 2)
            #expect(reopened.status == .ok && reopened.object["status"] as? String == "submitted")
            #expect(try await decide(api, path, county, "reopen", version: 3).status == .conflict)
            // returning needs a comment saying what to fix
            let bare = try await decide(api, path, drc, "return", version: 3)
            #expect(bare.status == .unprocessableContent && bare.errorFields == ["comment"])
            #expect(try await decide(api, path, drc, "return", comment: "   ", version: 3).errorFields == ["comment"])
            let returned = try await decide(api, path, drc, "return", comment: "本月完成投资与财务台账不符，请核实", version: 3)
            #expect(returned.status == .ok && returned.object["status"] as? String == "returned")
            #expect(returned.object["review_comment"] as? String == "本月完成投资与财务台账不符，请核实")
            // the district replaces it: submitted again, first submission unchanged
            let first = try #require(returned.object["first_submitted_at"] as? String)
            let fixed = try await api.request(.put, path, token: district, json: ["investment_completed": 90], headers: ifMatch(4))
            #expect(fixed.status == .ok && fixed.object["status"] as? String == "submitted")
            #expect(fixed.object["first_submitted_at"] as? String == first)
            // bad decisions and comments
            #expect(try await decide(api, path, drc, "accept", version: 5).errorFields == ["decision"])
            let tooLong = try await decide(api, path, drc, "return", comment: String(repeating: "长", count: 4001), version: 5)
            #expect(tooLong.errorFields == ["comment"])
            try await api.expectBodyErrors(.post, path + "/review", token: drc, headers: ifMatch(5))
        }
    }

    @Test func reviewersAreCountyEditorsAndTheLeadDepartmentsEditors() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let path = try await submittedReport(api, district: district)
            let tokens = try await api.signInAll(api.fixture.agencies, roles: CountyFixture.roles)
            var outcomes: [String: Int] = [:]
            for (user, token) in tokens.sorted(by: { $0.key < $1.key }) {
                let response = try await decide(api, path, token, "approve", version: nil)
                outcomes[user] = Int(response.status.code)
            }
            // without If-Match: county and department editors are asked for it (428, before anything
            // is read); viewers and districts are refused (403)
            for (user, status) in outcomes {
                let reviewerKind = ["cty", "drc", "iit", "agr"].contains { user.hasPrefix($0 + "-") }
                let expected = reviewerKind && !user.hasSuffix("-viewer") ? 428 : 403
                #expect(status == expected, "\(user)")
            }
            // another department's editor that sees the project through an assigned problem: 403
            let project = try #require(path.split(separator: "/").dropFirst(3).first.map(String.init))
            #expect(try await api.request(.post, "/api/v1/projects/\(project)/problems", token: district, json: [
                "kind": "land", "description": "用地", "department_id": api.fixture.industry.id,
            ]).status == .created)
            #expect(try await decide(api, path, tokens["iit-editor"]!, "approve", version: 1).status == .forbidden)
            // an invisible or missing report: 404
            #expect(try await decide(api, "/api/v1/projects/\(project)/reports/2026-04", tokens["drc-editor"]!, "approve", version: 1).status == .notFound)
            #expect(try await decide(api, path, tokens["agr-editor"]!, "approve", version: 1).status == .notFound)
        }
    }

    @Test func theQueueListsWhatTheCallerReviewsOldestFirst() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let drc = try await api.signIn(api.fixture.drc, "editor")
            let county = try await api.signIn(api.fixture.county, "editor")
            let first = try await submittedReport(api, district: district, code: "P-001", month: "2026-02")
            _ = try await submittedReport(api, district: district, code: "P-002", month: "2026-03")
            // an industry project: IIT leads it, DRC does not review it
            let industry = try await api.createProject(token: district, code: "P-003")
            #expect(try await api.request(.put, "/api/v1/projects/\(industry)/reports/2026-03", token: district,
                                          json: ["investment_completed": 5]).status == .created)
            let waiting = try await api.request(.get, "/api/v1/reviews", token: drc)
            #expect(waiting.status == .ok)
            #expect(waiting.items.compactMap { ($0["project"] as? [String: Any])?["code"] as? String } == ["P-001", "P-002"])
            #expect(waiting.items.first?["status"] as? String == "submitted" && waiting.items.first?["month"] as? String == "2026-02")
            #expect(try await api.request(.get, "/api/v1/reviews?status=submitted", token: county).object["total"] as? Int == 3)
            #expect(try await api.request(.get, "/api/v1/reviews?month=2026-03", token: drc).object["total"] as? Int == 1)
            _ = try await decide(api, first, drc, "return", comment: "请补充形象进度照片说明", version: 1)
            let returned = try await api.request(.get, "/api/v1/reviews?status=returned", token: drc)
            #expect(returned.items.compactMap { $0["review_comment"] as? String } == ["请补充形象进度照片说明"])
            #expect(try await api.request(.get, "/api/v1/reviews", token: drc).object["total"] as? Int == 1)
            #expect(try await api.request(.get, "/api/v1/reviews", token: district).status == .forbidden)
            #expect(try await api.request(.get, "/api/v1/reviews?status=late", token: drc).errorFields == ["status"])
            #expect(try await api.request(.get, "/api/v1/reviews?month=2026-3", token: drc).errorFields == ["month"])
        }
    }
}
