import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct FundingTests {
    @Test func districtEditorManagesFunding() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let county = try await api.signIn(api.fixture.county, "editor")
            let platform = try #require(try await api.request(.post, "/api/v1/financing-platforms", token: county,
                                                              json: ["name": "县城投公司"]).object["id"] as? Int)
            // MUT: create
            let created = try await api.request(.post, "/api/v1/projects/\(project)/funding", token: token,
                                                json: ["kind": "platform", "platform_id": platform, "planned_amount": 5000, "amount_in_place": 1200.5])
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? Int)
            #expect(created.headers[.location] == "/api/v1/funding/\(id)")
            #expect(created.headers[.eTag] == "\"1\"")
            #expect((created.object["amount_in_place"] as? NSNumber)?.decimalValue == Decimal(string: "1200.5"))
            // read and list
            let shown = try await api.request(.get, "/api/v1/funding/\(id)", token: token)
            #expect(shown.status == .ok && shown.object["platform_id"] as? Int == platform)
            let list = try await api.request(.get, "/api/v1/projects/\(project)/funding", token: token)
            #expect(list.object["total"] as? Int == 1)
            // PATCH: switching away from platform clears the platform
            #expect(try await api.request(.patch, "/api/v1/funding/\(id)", token: token, json: ["kind": "bank_loan"]).status == .preconditionRequired)
            let patched = try await api.request(.patch, "/api/v1/funding/\(id)", token: token, json: ["kind": "bank_loan"], headers: ifMatch(1))
            #expect(patched.status == .ok)
            #expect(patched.object["platform_id"] is NSNull)
            #expect(patched.object["version"] as? Int == 2)
            let stale = try await api.request(.patch, "/api/v1/funding/\(id)", token: token, json: ["planned_amount": 1], headers: ifMatch(1))
            #expect(stale.status == .preconditionFailed)
            // DELETE needs the current version
            #expect(try await api.request(.delete, "/api/v1/funding/\(id)", token: token).status == .preconditionRequired)
            #expect(try await api.request(.delete, "/api/v1/funding/\(id)", token: token, headers: ifMatch(1)).status == .preconditionFailed)
            #expect(try await api.request(.delete, "/api/v1/funding/\(id)", token: token, headers: ifMatch(2)).status == .noContent)
            #expect(try await api.request(.get, "/api/v1/funding/\(id)", token: token).status == .notFound)
            #expect(try await api.request(.delete, "/api/v1/funding/\(id)", token: token, headers: ifMatch(2)).status == .notFound)
        }
    }

    @Test func invalidFundingIs422() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let path = "/api/v1/projects/\(project)/funding"
            let bad = try await api.request(.post, path, token: token, json: ["kind": "gold", "planned_amount": -5, "amount_in_place": 0.001, "x": 1])
            #expect(Set(bad.errorFields) == ["kind", "planned_amount", "amount_in_place", "x"])
            #expect(try await api.request(.post, path, token: token, json: ["kind": "platform"]).errorFields == ["platform_id"])
            #expect(try await api.request(.post, path, token: token, json: ["kind": "bank_loan", "platform_id": 1]).errorFields == ["platform_id"])
            let unknownPlatform = try await api.request(.post, path, token: token, json: ["kind": "platform", "platform_id": 999_999])
            #expect(unknownPlatform.status == .unprocessableContent)
            #expect(unknownPlatform.errorFields == ["platform_id"])
            #expect(try await api.request(.post, path, token: token, raw: "{]").status == .badRequest)
            #expect(try await api.request(.post, path, token: token, raw: "{}", headers: [.contentType: "text/xml"]).status == .unsupportedMediaType)
            #expect(try await api.request(.post, path, json: ["kind": "other"]).status == .unauthorized)
            #expect(try await api.request(.get, "/api/v1/funding/abc", token: token).status == .unprocessableContent)
        }
    }

    @Test func otherAgenciesCannotTouchFunding() async throws {
        try await APIHarness.run { api in
            let d1 = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: d1)
            let id = try #require(try await api.request(.post, "/api/v1/projects/\(project)/funding", token: d1,
                                                        json: ["kind": "self_raised", "planned_amount": 100]).object["id"] as? Int)
            let body: [String: Any] = ["kind": "other"]
            // another district: 404 everywhere
            let d2 = try await api.signIn(api.fixture.district2, "editor")
            #expect(try await api.request(.get, "/api/v1/funding/\(id)", token: d2).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/projects/\(project)/funding", token: d2).status == .notFound)
            #expect(try await api.request(.post, "/api/v1/projects/\(project)/funding", token: d2, json: body).status == .notFound)
            #expect(try await api.request(.patch, "/api/v1/funding/\(id)", token: d2, json: body, headers: ifMatch(1)).status == .notFound)
            #expect(try await api.request(.delete, "/api/v1/funding/\(id)", token: d2, headers: ifMatch(1)).status == .notFound)
            // the lead department and a viewer see but may not write
            for token in [try await api.signIn(api.fixture.industry, "editor"), try await api.signIn(api.fixture.district1, "viewer")] {
                #expect(try await api.request(.get, "/api/v1/funding/\(id)", token: token).status == .ok)
                #expect(try await api.request(.post, "/api/v1/projects/\(project)/funding", token: token, json: body).status == .forbidden)
                #expect(try await api.request(.patch, "/api/v1/funding/\(id)", token: token, json: body, headers: ifMatch(1)).status == .forbidden)
                #expect(try await api.request(.delete, "/api/v1/funding/\(id)", token: token, headers: ifMatch(1)).status == .forbidden)
            }
            // a department outside its remit sees nothing
            let agriculture = try await api.signIn(api.fixture.agriculture, "editor")
            #expect(try await api.request(.get, "/api/v1/funding/\(id)", token: agriculture).status == .notFound)
            // the county editor writes
            let county = try await api.signIn(api.fixture.county, "editor")
            #expect(try await api.request(.patch, "/api/v1/funding/\(id)", token: county, json: body, headers: ifMatch(1)).status == .ok)
        }
    }
}
