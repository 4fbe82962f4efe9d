import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct AttractionTeamTests {
    @Test func countyManagesTeamsThatTheirDepartmentsSee() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(code: "CTY", "editor")
            // MUT: create
            let created = try await api.request(.post, "/api/v1/attraction/teams", token: county, json: [
                "name": "装备制造招商组", "lead_department_id": api.fixture.drc.id,
            ])
            #expect(created.status == .created)
            let id = try #require(created.jsonInt("id"))
            #expect(created.headers[.location] == "/api/v1/attraction/teams/\(id)")
            #expect(created.headers[.eTag] == "\"1\"")
            let duplicate = try await api.request(.post, "/api/v1/attraction/teams", token: county, json: [
                "name": "装备制造招商组", "lead_department_id": api.fixture.industry.id,
            ])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.errorFields == ["name"])
            let district = try await api.request(.post, "/api/v1/attraction/teams", token: county, json: [
                "name": "港澳组", "lead_department_id": api.fixture.district1.id,
            ])
            #expect(district.errorFields == ["lead_department_id"])
            #expect(Set(try await api.request(.post, "/api/v1/attraction/teams", token: county, json: ["name": " "]).errorFields) == ["name", "lead_department_id"])
            try await api.expectBodyErrors(.post, "/api/v1/attraction/teams", token: county)
            for (code, role) in [("DRC", "editor"), ("D1", "editor"), ("CTY", "viewer")] {
                let token = try await api.signIn(code: code, role)
                let refused = try await api.request(.post, "/api/v1/attraction/teams", token: token, json: [
                    "name": "\(code)-\(role)", "lead_department_id": api.fixture.drc.id,
                ])
                #expect(refused.status == .forbidden, "\(code) \(role)")
            }
            // visibility: the county and the leading department
            let drc = try await api.signIn(code: "DRC", "editor")
            let iit = try await api.signIn(code: "IIT", "editor")
            let d1 = try await api.signIn(code: "D1", "viewer")
            #expect(try await api.request(.get, "/api/v1/attraction/teams", token: county).object["total"] as? Int == 1)
            #expect(try await api.request(.get, "/api/v1/attraction/teams", token: drc).object["total"] as? Int == 1)
            #expect(try await api.request(.get, "/api/v1/attraction/teams", token: iit).object["total"] as? Int == 0)
            #expect(try await api.request(.get, "/api/v1/attraction/teams", token: d1).object["total"] as? Int == 0)
            #expect(try await api.request(.get, "/api/v1/attraction/teams/\(id)", token: drc).status == .ok)
            #expect(try await api.request(.get, "/api/v1/attraction/teams/\(id)", token: iit).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/attraction/teams/x", token: drc).status == .unprocessableContent)
            #expect(try await api.request(.get, "/api/v1/attraction/teams").status == .unauthorized)
            // MUT: update
            let path = "/api/v1/attraction/teams/\(id)"
            #expect(try await api.request(.patch, path, token: county, json: ["name": "装备组"]).status == .preconditionRequired)
            let renamed = try await api.request(.patch, path, token: county, json: ["name": "装备组"], headers: ifMatch(1))
            #expect(renamed.status == .ok)
            #expect(renamed.object["name"] as? String == "装备组")
            #expect(renamed.object["lead_department_id"] as? Int == Int(api.fixture.drc.id))
            let stale = try await api.request(.patch, path, token: county, json: ["name": "x"], headers: ifMatch(1))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.jsonInt("current_version") == 2)
            #expect(try await api.request(.patch, path, token: county, json: ["lead_department_id": "DRC"], headers: ifMatch(2)).errorFields == ["lead_department_id"])
            #expect(try await api.request(.patch, path, token: drc, json: ["name": "x"], headers: ifMatch(2)).status == .forbidden)
            #expect(try await api.request(.patch, path, token: iit, json: ["name": "x"], headers: ifMatch(2)).status == .forbidden)
            #expect(try await api.request(.patch, "/api/v1/attraction/teams/999999", token: county, json: ["name": "x"], headers: ifMatch(1)).status == .notFound)
            try await api.expectBodyErrors(.patch, path, token: county, headers: ifMatch(2))
            // handing the team to IIT moves its visibility
            #expect(try await api.request(.patch, path, token: county, json: ["lead_department_id": api.fixture.industry.id], headers: ifMatch(2)).status == .ok)
            #expect(try await api.request(.get, path, token: iit).status == .ok)
            #expect(try await api.request(.get, path, token: drc).status == .notFound)
        }
    }
}
