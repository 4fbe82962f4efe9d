import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct AgencyTests {
    @Test func everyoneListsAllAgencies() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district2, "viewer")
            let list = try await api.request(.get, "/api/v1/agencies", token: token)
            #expect(list.status == .ok)
            #expect(list.object["total"] as? Int == 6)
            #expect(list.object["limit"] as? Int == 500)
            #expect(Set(list.items.compactMap { $0["code"] as? String }) == ["CTY", "DRC", "IIT", "AGR", "D1", "D2"])
            #expect(Set(list.items.first.map { Array($0.keys) } ?? []).isSuperset(of: ["id", "code", "name", "kind"]))
            let paged = try await api.request(.get, "/api/v1/agencies?limit=2&offset=1", token: token)
            #expect(paged.items.count == 2)
            #expect(paged.object["total"] as? Int == 6)
            #expect(try await api.request(.get, "/api/v1/agencies?limit=501", token: token).status == .unprocessableContent)
            #expect(try await api.request(.get, "/api/v1/agencies").status == .unauthorized)
            let one = try await api.request(.get, "/api/v1/agencies/\(api.fixture.county.id)", token: token)
            #expect(one.status == .ok)
            #expect(one.headers[.eTag] == "\"1\"")
            #expect(try await api.request(.get, "/api/v1/agencies/999999", token: token).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/agencies/x", token: token).status == .unprocessableContent)
        }
    }

    @Test func countyAdminCreatesAndRenames() async throws {
        try await APIHarness.run { api in
            let admin = try await api.signIn(api.fixture.county, "admin")
            // MUT: create
            let created = try await api.request(.post, "/api/v1/agencies", token: admin, json: ["code": "GXQ", "name": "高新开发区管委会", "kind": "district"])
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? Int)
            #expect(created.headers[.location] == "/api/v1/agencies/\(id)")
            #expect(created.object["kind"] as? String == "district")
            // duplicate code → 409
            let duplicate = try await api.request(.post, "/api/v1/agencies", token: admin, json: ["code": "GXQ", "name": "x", "kind": "district"])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.errorFields == ["code"])
            // 422 naming fields
            let invalid = try await api.request(.post, "/api/v1/agencies", token: admin, json: ["code": "bad code!", "name": " ", "kind": "city", "x": 1])
            #expect(invalid.status == .unprocessableContent)
            #expect(Set(invalid.errorFields) == ["code", "name", "kind", "x"])
            #expect(try await api.request(.post, "/api/v1/agencies", token: admin, raw: "{").status == .badRequest)
            #expect(try await api.request(.post, "/api/v1/agencies", token: admin, raw: "{}", headers: [.contentType: "text/plain"]).status == .unsupportedMediaType)
            // PATCH: If-Match rules
            #expect(try await api.request(.patch, "/api/v1/agencies/\(id)", token: admin, json: ["name": "新"]).status == .preconditionRequired)
            let renamed = try await api.request(.patch, "/api/v1/agencies/\(id)", token: admin, json: ["name": "高新区"], headers: ifMatch(1))
            #expect(renamed.status == .ok)
            #expect(renamed.object["name"] as? String == "高新区")
            #expect(renamed.headers[.eTag] == "\"2\"")
            let stale = try await api.request(.patch, "/api/v1/agencies/\(id)", token: admin, json: ["name": "x"], headers: ifMatch(1))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.object["current_version"] as? Int == 2)
            let kind = try await api.request(.patch, "/api/v1/agencies/\(id)", token: admin, json: ["kind": "county"], headers: ifMatch(2))
            #expect(kind.errorFields == ["kind"])
            let clash = try await api.request(.patch, "/api/v1/agencies/\(id)", token: admin, json: ["code": "D1"], headers: ifMatch(2))
            #expect(clash.status == .conflict)
            #expect(try await api.request(.patch, "/api/v1/agencies/999999", token: admin, json: ["name": "x"], headers: ifMatch(1)).status == .notFound)
        }
    }

    @Test func onlyCountyAdminsWrite() async throws {
        try await APIHarness.run { api in
            let body: [String: Any] = ["code": "NEW", "name": "新机构", "kind": "department"]
            for (agency, role) in [(api.fixture.county, "editor"), (api.fixture.district1, "admin"), (api.fixture.drc, "admin")] {
                let token = try await api.signIn(agency, role)
                #expect(try await api.request(.post, "/api/v1/agencies", token: token, json: body).status == .forbidden)
                let patch = try await api.request(.patch, "/api/v1/agencies/\(api.fixture.district1.id)", token: token,
                                                  json: ["name": "x"], headers: ifMatch(1))
                #expect(patch.status == .forbidden)
            }
            #expect(try await api.request(.post, "/api/v1/agencies", json: body).status == .unauthorized)
        }
    }
}
