import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct UserTests {
    func newUser(_ agencyID: Int64, username: String = "zhang.san", role: String = "editor") -> [String: Any] {
        ["username": username, "display_name": "张三", "password": "s3cret-pass", "agency_id": agencyID, "role": role]
    }

    @Test func agencyAdminCreatesUserWhoCanSignIn() async throws {
        try await APIHarness.run { api in
            let admin = try await api.signIn(api.fixture.district1, "admin")
            // MUT
            let created = try await api.request(.post, "/api/v1/users", token: admin, json: newUser(api.fixture.district1.id))
            // validation
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? Int)
            #expect(created.headers[.location] == "/api/v1/users/\(id)")
            #expect(created.object["password"] == nil && created.object["password_hash"] == nil)
            #expect(created.object["agency_id"] as? Int == Int(api.fixture.district1.id))
            #expect(created.object["active"] as? Bool == true)
            let session = try await api.request(.post, "/api/v1/sessions", json: ["username": "zhang.san", "password": "s3cret-pass"])
            #expect(session.status == .created)
            // duplicate username → 409
            let duplicate = try await api.request(.post, "/api/v1/users", token: admin, json: newUser(api.fixture.district1.id))
            #expect(duplicate.status == .conflict)
            #expect(duplicate.errorFields == ["username"])
            // another agency → 403; a viewer or an editor → 403
            #expect(try await api.request(.post, "/api/v1/users", token: admin, json: newUser(api.fixture.district2.id, username: "li")).status == .forbidden)
            let editor = try await api.signIn(api.fixture.district1, "editor")
            #expect(try await api.request(.post, "/api/v1/users", token: editor, json: newUser(api.fixture.district1.id, username: "li")).status == .forbidden)
            // the county admin creates users in any agency; an unknown agency is 422
            let county = try await api.signIn(api.fixture.county, "admin")
            #expect(try await api.request(.post, "/api/v1/users", token: county, json: newUser(api.fixture.district2.id, username: "li")).status == .created)
            let unknown = try await api.request(.post, "/api/v1/users", token: county, json: newUser(999_999, username: "wang"))
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.errorFields == ["agency_id"])
        }
    }

    @Test func invalidUserBodiesNameTheirFields() async throws {
        try await APIHarness.run { api in
            let admin = try await api.signIn(api.fixture.county, "admin")
            let response = try await api.request(.post, "/api/v1/users", token: admin, json: [
                "username": "has space", "display_name": "", "password": "short", "agency_id": 0, "role": "boss", "extra": true,
            ])
            #expect(response.status == .unprocessableContent)
            #expect(Set(response.errorFields) == ["username", "display_name", "password", "agency_id", "role", "extra"])
            let missing = try await api.request(.post, "/api/v1/users", token: admin, json: [:] as [String: Any])
            #expect(Set(missing.errorFields) == ["username", "display_name", "password", "agency_id", "role"])
            #expect(try await api.request(.post, "/api/v1/users", token: admin, raw: "nope").status == .badRequest)
            #expect(try await api.request(.post, "/api/v1/users", json: newUser(api.fixture.county.id)).status == .unauthorized)
        }
    }

    @Test func listAndReadAreLimitedToOwnAgencyExceptForTheCounty() async throws {
        try await APIHarness.run { api in
            let d1 = try await api.signIn(api.fixture.district1, "viewer")
            let own = try await api.request(.get, "/api/v1/users", token: d1)
            #expect(own.status == .ok)
            #expect(own.object["total"] as? Int == 3)
            #expect(Set(own.items.compactMap { $0["username"] as? String }) == ["d1-admin", "d1-editor", "d1-viewer"])
            #expect(own.items.allSatisfy { $0["password_hash"] == nil })
            let county = try await api.signIn(api.fixture.county, "viewer")
            #expect(try await api.request(.get, "/api/v1/users", token: county).object["total"] as? Int == 18)
            #expect(try await api.request(.get, "/api/v1/users?agency_id=\(api.fixture.district2.id)", token: county).object["total"] as? Int == 3)
            #expect(try await api.request(.get, "/api/v1/users?agency_id=x", token: county).status == .unprocessableContent)
            let d2User = try #require(try await api.request(.get, "/api/v1/users?agency_id=\(api.fixture.district2.id)", token: county).items.first?["id"] as? Int)
            #expect(try await api.request(.get, "/api/v1/users/\(d2User)", token: d1).status == .notFound)
            let shown = try await api.request(.get, "/api/v1/users/\(d2User)", token: county)
            #expect(shown.status == .ok)
            #expect(shown.headers[.eTag] == "\"1\"")
        }
    }

    @Test func adminsChangeUsersWithIfMatch() async throws {
        try await APIHarness.run { api in
            let admin = try await api.signIn(api.fixture.district1, "admin")
            let id = try #require(try await api.request(.post, "/api/v1/users", token: admin, json: newUser(api.fixture.district1.id)).object["id"] as? Int)
            #expect(try await api.request(.patch, "/api/v1/users/\(id)", token: admin, json: ["role": "viewer"]).status == .preconditionRequired)
            let changed = try await api.request(.patch, "/api/v1/users/\(id)", token: admin,
                                                json: ["role": "viewer", "display_name": "张三丰", "password": "another-pass"], headers: ifMatch(1))
            #expect(changed.status == .ok)
            #expect(changed.object["role"] as? String == "viewer")
            #expect(changed.object["version"] as? Int == 2)
            #expect(try await api.request(.post, "/api/v1/sessions", json: ["username": "zhang.san", "password": "another-pass"]).status == .created)
            let stale = try await api.request(.patch, "/api/v1/users/\(id)", token: admin, json: ["active": false], headers: ifMatch(1))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.object["current_version"] as? Int == 2)
            let invalid = try await api.request(.patch, "/api/v1/users/\(id)", token: admin, json: ["password": "x", "username": "y", "active": "no"], headers: ifMatch(2))
            #expect(Set(invalid.errorFields) == ["password", "username", "active"])
            // deactivated users cannot sign in
            #expect(try await api.request(.patch, "/api/v1/users/\(id)", token: admin, json: ["active": false], headers: ifMatch(2)).status == .ok)
            #expect(try await api.request(.post, "/api/v1/sessions", json: ["username": "zhang.san", "password": "another-pass"]).status == .unauthorized)
            // an editor of the same agency sees the user but may not change it; another agency does not see it
            let editor = try await api.signIn(api.fixture.district1, "editor")
            #expect(try await api.request(.patch, "/api/v1/users/\(id)", token: editor, json: ["role": "admin"], headers: ifMatch(3)).status == .forbidden)
            #expect(try await api.request(.patch, "/api/v1/users/\(id)", token: editor, json: ["password": "password123"], headers: ifMatch(3)).status == .forbidden)
            let other = try await api.signIn(api.fixture.district2, "admin")
            #expect(try await api.request(.patch, "/api/v1/users/\(id)", token: other, json: ["role": "admin"], headers: ifMatch(3)).status == .notFound)
            // the county admin may change it
            let county = try await api.signIn(api.fixture.county, "admin")
            #expect(try await api.request(.patch, "/api/v1/users/\(id)", token: county, json: ["active": true], headers: ifMatch(3)).status == .ok)
        }
    }
}
