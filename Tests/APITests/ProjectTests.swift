import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct ProjectTests {
    func projectBody(_ api: APIClient, code: String = "P-001", district: Int64? = nil) -> [String: Any] {
        [
            "code": code, "name": "南明智能制造产业园", "owner": "南明投资公司", "category": "industry",
            "stage": "preliminary", "major": true, "district_id": district ?? api.fixture.district1.id,
            "total_investment": 12345.67, "planned_start": "2026-03-01", "planned_completion": "2027-12-31",
        ]
    }

    @Test func districtEditorCreatesReadsAndUpdates() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            // MUT: create
            let created = try await api.request(.post, "/api/v1/projects", token: token, json: projectBody(api))
            #expect(created.status == .created)
            #expect(created.headers[.eTag] == "\"1\"")
            let id = try #require(created.object["id"] as? Int)
            #expect(created.headers[.location] == "/api/v1/projects/\(id)")
            // the category's default lead department was filled in
            #expect(created.object["lead_department_id"] as? Int == Int(api.fixture.industry.id))
            #expect((created.object["total_investment"] as? NSNumber)?.decimalValue == Decimal(string: "12345.67"))
            // PATCH needs If-Match
            let missing = try await api.request(.patch, "/api/v1/projects/\(id)", token: token, json: ["name": "新名字"])
            #expect(missing.status == .preconditionRequired)
            let updated = try await api.request(.patch, "/api/v1/projects/\(id)", token: token, json: ["name": "新名字"],
                                                headers: [.ifMatch: "\"1\""])
            #expect(updated.status == .ok)
            #expect(updated.object["version"] as? Int == 2)
            let stale = try await api.request(.patch, "/api/v1/projects/\(id)", token: token, json: ["name": "again"],
                                              headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.object["current_version"] as? Int == 2)
            let shown = try await api.request(.get, "/api/v1/projects/\(id)", token: token)
            #expect(shown.object["name"] as? String == "新名字")
            #expect(shown.headers[.eTag] == "\"2\"")
        }
    }

    @Test func pagesCountWhatTheCallerMaySeeThePastTheEndOneToo() async throws {
        try await APIHarness.run { api in
            // setup: three projects in district 1, one in district 2
            let county = try await api.signIn(api.fixture.county, "editor")
            for (code, district) in [("P-1", api.fixture.district1.id), ("P-2", api.fixture.district1.id),
                                     ("P-3", api.fixture.district1.id), ("P-4", api.fixture.district2.id)] {
                #expect(try await api.request(.post, "/api/v1/projects", token: county, json: projectBody(api, code: code, district: district)).status == .created)
            }
            let token = try await api.signIn(api.fixture.district1, "editor")
            // MUT: the first page (one statement, its COMMIT with it), a second, and one past the end
            let first = try await api.request(.get, "/api/v1/projects?limit=2", token: token)
            let second = try await api.request(.get, "/api/v1/projects?limit=2&offset=2", token: token)
            let past = try await api.request(.get, "/api/v1/projects?limit=2&offset=5", token: token)
            // validation: each counts district 1's three, under its own row-level security
            #expect((first.object["items"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["P-1", "P-2"])
            #expect((second.object["items"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["P-3"])
            #expect((past.object["items"] as? [Any])?.isEmpty == true)
            #expect([first, second, past].map { $0.object["total"] as? Int } == [3, 3, 3])
            // and the connection serves the next request as the next caller, with nothing left open
            let other = try await api.request(.get, "/api/v1/projects", token: try await api.signIn(api.fixture.district2, "editor"))
            #expect(other.object["total"] as? Int == 1)
        }
    }

    @Test func otherAgenciesSeeOnlyWhatTheyMay() async throws {
        try await APIHarness.run { api in
            let d1 = try await api.signIn(api.fixture.district1, "editor")
            let id = try #require(try await api.request(.post, "/api/v1/projects", token: d1, json: projectBody(api)).object["id"] as? Int)
            let d2 = try await api.signIn(api.fixture.district2, "editor")
            #expect(try await api.request(.get, "/api/v1/projects/\(id)", token: d2).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/projects", token: d2).object["total"] as? Int == 0)
            let patch = try await api.request(.patch, "/api/v1/projects/\(id)", token: d2, json: ["name": "x"], headers: [.ifMatch: "\"1\""])
            #expect(patch.status == .notFound)
            // creating under another district is forbidden
            let foreign = try await api.request(.post, "/api/v1/projects", token: d2, json: projectBody(api, code: "P-2"))
            #expect(foreign.status == .forbidden)
            // the lead department sees it but may not edit it
            let lead = try await api.signIn(api.fixture.industry, "editor")
            #expect(try await api.request(.get, "/api/v1/projects/\(id)", token: lead).status == .ok)
            let leadPatch = try await api.request(.patch, "/api/v1/projects/\(id)", token: lead, json: ["name": "x"], headers: [.ifMatch: "\"1\""])
            #expect(leadPatch.status == .forbidden)
            // another department sees nothing
            let agriculture = try await api.signIn(api.fixture.agriculture, "editor")
            #expect(try await api.request(.get, "/api/v1/projects/\(id)", token: agriculture).status == .notFound)
            // a viewer of the same district reads but cannot write
            let viewer = try await api.signIn(api.fixture.district1, "viewer")
            #expect(try await api.request(.get, "/api/v1/projects/\(id)", token: viewer).status == .ok)
            let viewerPatch = try await api.request(.patch, "/api/v1/projects/\(id)", token: viewer, json: ["name": "x"], headers: [.ifMatch: "\"1\""])
            #expect(viewerPatch.status == .forbidden)
            // the county sees everything
            let county = try await api.signIn(api.fixture.county, "viewer")
            #expect(try await api.request(.get, "/api/v1/projects", token: county).object["total"] as? Int == 1)
        }
    }

    @Test func invalidFieldsAreNamed() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            var body = projectBody(api)
            body["total_investment"] = -1
            body["planned_start"] = "2026-02-30"
            body["stage"] = "flying"
            body["major"] = "yes"
            body["color"] = "red"
            let response = try await api.request(.post, "/api/v1/projects", token: token, json: body)
            #expect(response.status == .unprocessableContent)
            #expect(Set(response.errorFields) == ["total_investment", "planned_start", "stage", "major", "color"])
            var precise = projectBody(api)
            precise["total_investment"] = 1.005
            #expect(try await api.request(.post, "/api/v1/projects", token: token, json: precise).errorFields == ["total_investment"])
            var started = projectBody(api)
            started["stage"] = "new_start"
            #expect(try await api.request(.post, "/api/v1/projects", token: token, json: started).errorFields == ["actual_start", "national_code"])
            #expect(try await api.request(.get, "/api/v1/projects/abc", token: token).status == .unprocessableContent)
            #expect(try await api.request(.get, "/api/v1/projects?limit=0", token: token).status == .unprocessableContent)
            #expect(try await api.request(.get, "/api/v1/projects?stage=nope", token: token).status == .unprocessableContent)
        }
    }

    @Test func duplicateCodeIs409AndStageGoesForwardOnly() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let first = try await api.request(.post, "/api/v1/projects", token: token, json: projectBody(api))
            let id = try #require(first.object["id"] as? Int)
            #expect(try await api.request(.post, "/api/v1/projects", token: token, json: projectBody(api)).status == .conflict)
            let back = try await api.request(.patch, "/api/v1/projects/\(id)", token: token, json: ["stage": "reserve"], headers: [.ifMatch: "\"1\""])
            #expect(back.status == .unprocessableContent)
            #expect(back.errorFields == ["stage"])
            let county = try await api.signIn(api.fixture.county, "editor")
            let countyBack = try await api.request(.patch, "/api/v1/projects/\(id)", token: county, json: ["stage": "reserve"], headers: [.ifMatch: "\"1\""])
            #expect(countyBack.status == .ok)
        }
    }

    @Test func concurrentUpdatesLoseNothing() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let id = try #require(try await api.request(.post, "/api/v1/projects", token: token, json: projectBody(api)).object["id"] as? Int)
            let successes = try await withThrowingTaskGroup(of: Int.self) { group in
                for client in 0..<20 {
                    group.addTask {
                        while true {
                            let current = try await api.request(.get, "/api/v1/projects/\(id)", token: token)
                            let etag = current.headers[.eTag] ?? ""
                            let response = try await api.request(
                                .patch, "/api/v1/projects/\(id)", token: token, json: ["owner": "client \(client)"], headers: [.ifMatch: etag]
                            )
                            if response.status == .ok { return 1 }
                            #expect(response.status == .preconditionFailed)
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            let final = try await api.request(.get, "/api/v1/projects/\(id)", token: token)
            #expect(final.object["version"] as? Int == 1 + successes)
            let updates: Int = try api.database.connect().query(
                "SELECT count(*)::int AS n FROM app.history WHERE table_name = 'projects' AND row_id = \(Int64(id)) AND action = 'update'"
            )[0].decode("n")
            #expect(updates == successes)
        }
    }
}
