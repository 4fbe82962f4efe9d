import Foundation
import HTTPTypes
import Hummingbird
import Testing
import TestSupport

/// `POST /reviews/batch`: each item decided on its own, as its single review would be.
@Suite struct BatchReviewTests {
    let path = "/api/v1/reviews/batch"

    /// D1's editor's token and two D1 services projects (DRC leads them) with submitted March reports.
    func twoSubmitted(_ api: APIClient) async throws -> (district: String, ids: [Int]) {
        let district = try await api.signIn(api.fixture.district1, "editor")
        var ids: [Int] = []
        for code in ["P-001", "P-002"] {
            let project = try await api.createProject(token: district, code: code, category: "services")
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: district,
                                          json: ["investment_completed": 10]).status == .created)
            ids.append(project)
        }
        return (district, ids)
    }

    /// Approves `items` in one batch as `token`: the result of each item (the answer is 200).
    func approve(_ api: APIClient, token: String, _ items: [[String: Any]]) async throws -> [[String: Any]] {
        let answer = try await api.request(.post, path, token: token, json: ["decision": "approve", "items": items])
        #expect(answer.status == .ok)
        return try #require(answer.object["results"] as? [[String: Any]], "\(String(buffer: answer.body))")
    }

    func item(_ project: Int, version: Int, month: String = "2026-03") -> [String: Any] {
        ["project_id": project, "month": month, "version": version]
    }

    @Test func everyItemIsApprovedWithItsNewVersion() async throws {
        try await APIHarness.run { api in
            // setup
            let ids = try await twoSubmitted(api).ids
            let drc = try await api.signIn(api.fixture.drc, "editor")
            // MUT
            let results = try await approve(api, token: drc, ids.map { item($0, version: 1) })
            // validate
            #expect(results.map { $0["project_id"] as? Int } == ids)
            #expect(results.allSatisfy { $0["status"] as? String == "approved" && $0["version"] as? Int == 2 && $0["month"] as? String == "2026-03" })
            #expect(try await api.request(.get, "/api/v1/reviews", token: drc).object["total"] as? Int == 0)
        }
    }

    @Test func aStaleItemGetsItsProblemAndTheOthersAreStillDecided() async throws {
        try await APIHarness.run { api in
            let ids = try await twoSubmitted(api).ids
            let drc = try await api.signIn(api.fixture.drc, "editor")
            let results = try await approve(api, token: drc, [item(ids[0], version: 7), item(ids[1], version: 1)])
            let problem = try #require(results[0]["problem"] as? [String: Any])
            #expect(problem["status"] as? Int == 412 && problem["current_version"] as? Int == 1)
            #expect(results[0]["status"] == nil && results[1]["status"] as? String == "approved")
        }
    }

    @Test func aReportTheCallerDoesNotReviewOrSeeIsRefusedInItsItem() async throws {
        try await APIHarness.run { api in
            let ids = try await twoSubmitted(api).ids
            let agriculture = try await api.signIn(api.fixture.agriculture, "editor")
            let results = try await approve(api, token: agriculture, [item(ids[0], version: 1), item(ids[1], version: 1, month: "2026-04")])
            #expect(results.compactMap { ($0["problem"] as? [String: Any])?["status"] as? Int } == [404, 404])
        }
    }

    @Test func aReportAlreadyApprovedIs409InItsItem() async throws {
        try await APIHarness.run { api in
            let ids = try await twoSubmitted(api).ids
            let drc = try await api.signIn(api.fixture.drc, "editor")
            _ = try await approve(api, token: drc, [item(ids[0], version: 1)])
            let results = try await approve(api, token: drc, [item(ids[0], version: 2)])
            #expect((results[0]["problem"] as? [String: Any])?["status"] as? Int == 409)
        }
    }

    @Test func districtsAndViewersAreNotReviewers() async throws {
        try await APIHarness.run { api in
            let (district, ids) = try await twoSubmitted(api)
            let viewer = try await api.signIn(api.fixture.drc, "viewer")
            let body: [String: Any] = ["decision": "approve", "items": [item(ids[0], version: 1)]]
            #expect(try await api.request(.post, path, token: district, json: body).status == .forbidden)
            #expect(try await api.request(.post, path, token: viewer, json: body).status == .forbidden)
        }
    }

    @Test func invalidItemsAre422NamingThem() async throws {
        try await APIHarness.run { api in
            let drc = try await api.signIn(api.fixture.drc, "editor")
            let answer = try await api.request(.post, path, token: drc, json: [
                "decision": "approve", "items": [["project_id": 1, "month": "2026-3", "version": 0], "x"],
            ])
            #expect(answer.status == .unprocessableContent)
            #expect(answer.errorFields == ["items[0].month", "items[0].version", "items[1]"])
            let empty = try await api.request(.post, path, token: drc, json: ["decision": "approve", "items": [Any]()])
            #expect(empty.errorFields == ["items"])
            let noComment = try await api.request(.post, path, token: drc, json: ["decision": "return", "items": [item(1, version: 1)]])
            #expect(noComment.errorFields == ["comment"])
        }
    }
}
