import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct FinancingPlatformTests {
    @Test func countyEditorAddsPlatformsEveryoneReadsThem() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(api.fixture.county, "editor")
            let created = try await api.request(.post, "/api/v1/financing-platforms", token: county, json: ["name": "县城投公司", "note": "城市建设"])
            #expect(created.status == .created)
            #expect(created.object["name"] as? String == "县城投公司")
            #expect(try await api.request(.post, "/api/v1/financing-platforms", token: county, json: ["name": "县城投公司"]).status == .conflict)
            let invalid = try await api.request(.post, "/api/v1/financing-platforms", token: county, json: ["name": "", "note": 3, "x": 1])
            #expect(Set(invalid.errorFields) == ["name", "note", "x"])
            #expect(try await api.request(.post, "/api/v1/financing-platforms", token: county, raw: "{").status == .badRequest)
            let list = try await api.request(.get, "/api/v1/financing-platforms", token: try await api.signIn(api.fixture.district2, "viewer"))
            #expect(list.status == .ok)
            #expect(list.object["total"] as? Int == 1)
            #expect(try await api.request(.get, "/api/v1/financing-platforms").status == .unauthorized)
            // districts, departments and county viewers may not add platforms
            for (agency, role) in [(api.fixture.district1, "editor"), (api.fixture.drc, "admin"), (api.fixture.county, "viewer")] {
                let token = try await api.signIn(agency, role)
                #expect(try await api.request(.post, "/api/v1/financing-platforms", token: token, json: ["name": "其他平台"]).status == .forbidden)
            }
        }
    }
}
