import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct CategoryLeadTests {
    @Test func countyMapsCategoriesToLeadDepartments() async throws {
        try await APIHarness.run { api in
            let viewer = try await api.signIn(code: "D1", "viewer")
            let listed = try await api.request(.get, "/api/v1/category-leads", token: viewer)
            #expect(listed.status == .ok)
            #expect(listed.items.map { $0["category"] as? String } == ["infrastructure", "industry", "services", "agriculture"])
            #expect(listed.items.first?["department_id"] as? Int == Int(api.fixture.drc.id))
            #expect(try await api.request(.get, "/api/v1/category-leads").status == .unauthorized)
            let county = try await api.signIn(code: "CTY", "editor")
            let path = "/api/v1/category-leads/environment"
            // MUT: create, then replace with If-Match
            let created = try await api.request(.put, path, token: county, json: ["department_id": api.fixture.agriculture.id])
            #expect(created.status == .created)
            #expect(created.headers[.eTag] == "\"1\"")
            #expect(try await api.request(.put, path, token: county, json: ["department_id": api.fixture.drc.id]).status == .preconditionRequired)
            let replaced = try await api.request(.put, path, token: county, json: ["department_id": api.fixture.industry.id], headers: ifMatch(1))
            #expect(replaced.status == .ok)
            #expect(replaced.jsonInt("version") == 2)
            let stale = try await api.request(.put, path, token: county, json: ["department_id": api.fixture.drc.id], headers: ifMatch(1))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.jsonInt("current_version") == 2)
            #expect(try await api.request(.put, "/api/v1/category-leads/social", token: county, json: ["department_id": api.fixture.drc.id],
                                          headers: ifMatch(1)).status == .preconditionFailed)
            // a new project of the category gets the new default lead
            let d1 = try await api.signIn(code: "D1", "editor")
            let project = try await api.request(.post, "/api/v1/projects", token: d1, json: [
                "code": "E-1", "name": "污水处理", "category": "environment", "district_id": api.fixture.district1.id,
            ])
            #expect(project.object["lead_department_id"] as? Int == Int(api.fixture.industry.id))
            // bad input
            let district = try await api.request(.put, path, token: county, json: ["department_id": api.fixture.district1.id], headers: ifMatch(2))
            #expect(district.status == .unprocessableContent)
            #expect(district.errorFields == ["department_id"])
            #expect(district.problemCodes == ["agency_wrong_kind"])
            #expect(try await api.request(.put, path, token: county, json: ["department_id": 999999], headers: ifMatch(2)).errorFields == ["department_id"])
            #expect(Set(try await api.request(.put, path, token: county, json: ["dept": 1], headers: ifMatch(2)).errorFields) == ["department_id", "dept"])
            #expect(try await api.request(.put, "/api/v1/category-leads/mining", token: county, json: ["department_id": 1]).status == .unprocessableContent)
            try await api.expectBodyErrors(.put, path, token: county, headers: ifMatch(2))
            // only county editors write the mapping
            for (code, role) in [("D1", "editor"), ("DRC", "editor"), ("CTY", "viewer")] {
                let token = try await api.signIn(code: code, role)
                #expect(try await api.request(.put, path, token: token, json: ["department_id": api.fixture.drc.id], headers: ifMatch(2)).status == .forbidden,
                        "\(code) \(role) replace")
                #expect(try await api.request(.put, "/api/v1/category-leads/social", token: token, json: ["department_id": api.fixture.drc.id]).status == .forbidden,
                        "\(code) \(role) create")
            }
        }
    }
}
