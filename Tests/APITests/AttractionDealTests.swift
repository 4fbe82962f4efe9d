import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct AttractionDealTests {
    /// A team led by `department`, created by the county.
    static func team(_ api: APIClient, _ county: String, _ name: String, _ department: Int64) async throws -> Int {
        try #require(try await api.request(.post, "/api/v1/attraction/teams", token: county, json: [
            "name": name, "lead_department_id": department,
        ]).jsonInt("id"))
    }

    static func deal(_ api: APIClient, team: Int, district: Int64, project: Int? = nil) -> [String: Any] {
        var body: [String: Any] = [
            "team_id": team, "investor": "中国建筑集团", "investor_kind": "central_soe", "signed_amount": 50000,
            "signed_on": "2026-03-01", "district_id": district,
        ]
        body["project_id"] = project
        return body
    }

    @Test func leadingDepartmentRecordsDealsThatTheirDistrictsSee() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(code: "CTY", "editor")
            let team = try await Self.team(api, county, "能源招商组", api.fixture.drc.id)
            let drc = try await api.signIn(code: "DRC", "editor")
            // MUT: the leading department records a deal landing in D1
            let created = try await api.request(.post, "/api/v1/attraction/deals", token: drc, json: Self.deal(api, team: team, district: api.fixture.district1.id))
            #expect(created.status == .created)
            let id = try #require(created.jsonInt("id"))
            #expect(created.headers[.location] == "/api/v1/attraction/deals/\(id)")
            #expect(created.jsonNumber("funds_in_place") == 0)
            #expect(created.object["project_id"] is NSNull)
            // a project the department cannot see may not be named; the county may name any
            let project = try #require(try await api.request(.post, "/api/v1/projects", token: county, json: [
                "code": "A-1", "name": "风电场", "category": "industry", "district_id": api.fixture.district2.id,
            ]).jsonInt("id"))
            let hidden = try await api.request(.post, "/api/v1/attraction/deals", token: drc,
                                               json: Self.deal(api, team: team, district: api.fixture.district2.id, project: project))
            #expect(hidden.status == .unprocessableContent)
            #expect(hidden.errorFields == ["project_id"])
            let countyDeal = try await api.request(.post, "/api/v1/attraction/deals", token: county,
                                                   json: Self.deal(api, team: team, district: api.fixture.district2.id, project: project))
            #expect(countyDeal.status == .created)
            #expect(countyDeal.object["project_id"] as? Int == project)
            // bad input
            var invalid = Self.deal(api, team: team, district: api.fixture.district1.id)
            invalid["investor_kind"] = "alien"
            invalid["signed_on"] = "2026-02-30"
            invalid["signed_amount"] = -5
            invalid["investor"] = ""
            invalid["extra"] = true
            #expect(Set(try await api.request(.post, "/api/v1/attraction/deals", token: drc, json: invalid).errorFields)
                    == ["investor_kind", "signed_on", "signed_amount", "investor", "extra"])
            let department = try await api.request(.post, "/api/v1/attraction/deals", token: drc, json: Self.deal(api, team: team, district: api.fixture.drc.id))
            #expect(department.errorFields == ["district_id"])
            #expect(try await api.request(.post, "/api/v1/attraction/deals", token: drc, json: ["team_id": team]).status == .unprocessableContent)
            try await api.expectBodyErrors(.post, "/api/v1/attraction/deals", token: drc)
            // others may not record deals for this team
            for (code, role) in [("IIT", "editor"), ("D1", "editor"), ("DRC", "viewer"), ("CTY", "viewer")] {
                let token = try await api.signIn(code: code, role)
                let refused = try await api.request(.post, "/api/v1/attraction/deals", token: token, json: Self.deal(api, team: team, district: api.fixture.district1.id))
                #expect(refused.status == .forbidden, "\(code) \(role)")
            }
            // visibility: county, the leading department, the district credited
            let d1 = try await api.signIn(code: "D1", "editor")
            let d2 = try await api.signIn(code: "D2", "viewer")
            let iit = try await api.signIn(code: "IIT", "editor")
            #expect(try await api.request(.get, "/api/v1/attraction/deals", token: county).object["total"] as? Int == 2)
            #expect(try await api.request(.get, "/api/v1/attraction/deals", token: drc).object["total"] as? Int == 2)
            #expect(try await api.request(.get, "/api/v1/attraction/deals", token: d1).items.map { $0["id"] as? Int } == [id])
            #expect(try await api.request(.get, "/api/v1/attraction/deals", token: d2).object["total"] as? Int == 1)
            #expect(try await api.request(.get, "/api/v1/attraction/deals", token: iit).object["total"] as? Int == 0)
            #expect(try await api.request(.get, "/api/v1/attraction/deals?district_id=\(api.fixture.district1.id)", token: county).object["total"] as? Int == 1)
            #expect(try await api.request(.get, "/api/v1/attraction/deals?team_id=\(team)", token: county).object["total"] as? Int == 2)
            #expect(try await api.request(.get, "/api/v1/attraction/deals?team_id=x", token: county).errorFields == ["team_id"])
            #expect(try await api.request(.get, "/api/v1/attraction/deals/\(id)", token: d1).status == .ok)
            #expect(try await api.request(.get, "/api/v1/attraction/deals/\(id)", token: d2).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/attraction/deals/x", token: d1).status == .unprocessableContent)
            #expect(try await api.request(.get, "/api/v1/attraction/deals").status == .unauthorized)
        }
    }

    @Test func dealUpdatesAndReceiptsOfFundsInPlace() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(code: "CTY", "editor")
            let team = try await Self.team(api, county, "能源招商组", api.fixture.drc.id)
            let other = try await Self.team(api, county, "农业招商组", api.fixture.agriculture.id)
            let drc = try await api.signIn(code: "DRC", "editor")
            let id = try #require(try await api.request(.post, "/api/v1/attraction/deals", token: drc,
                                                        json: Self.deal(api, team: team, district: api.fixture.district1.id)).jsonInt("id"))
            let path = "/api/v1/attraction/deals/\(id)"
            // MUT: update
            #expect(try await api.request(.patch, path, token: drc, json: ["signed_amount": 60000]).status == .preconditionRequired)
            let updated = try await api.request(.patch, path, token: drc, json: ["signed_amount": 60000.5, "investor_kind": "state_owned"], headers: ifMatch(1))
            #expect(updated.status == .ok)
            #expect(updated.jsonNumber("signed_amount") == 60000.5)
            #expect(updated.jsonInt("version") == 2)
            let stale = try await api.request(.patch, path, token: drc, json: ["investor": "x"], headers: ifMatch(1))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.jsonInt("current_version") == 2)
            #expect(try await api.request(.patch, path, token: drc, json: ["signed_on": "2026-13-01"], headers: ifMatch(2)).errorFields == ["signed_on"])
            #expect(try await api.request(.patch, path, token: drc, json: ["team_id": other], headers: ifMatch(2)).status == .forbidden)
            try await api.expectBodyErrors(.patch, path, token: drc, headers: ifMatch(2))
            let d1 = try await api.signIn(code: "D1", "editor")
            let iit = try await api.signIn(code: "IIT", "editor")
            #expect(try await api.request(.patch, path, token: d1, json: ["investor": "x"], headers: ifMatch(2)).status == .forbidden)
            #expect(try await api.request(.patch, path, token: iit, json: ["investor": "x"], headers: ifMatch(2)).status == .notFound)
            #expect(try await api.request(.patch, "/api/v1/attraction/deals/999999", token: drc, json: ["investor": "x"], headers: ifMatch(1)).status == .notFound)
            // MUT: receipts of funds in place
            let receipts = "\(path)/receipts"
            let first = try await api.request(.post, receipts, token: drc, json: ["received_on": "2026-04-01", "amount": 1200.5])
            #expect(first.status == .created)
            #expect(first.headers[.eTag] == "\"1\"")
            #expect(try await api.request(.post, receipts, token: county, json: ["received_on": "2026-03-15", "amount": 300]).status == .created)
            let shown = try await api.request(.get, path, token: d1)
            #expect(shown.jsonNumber("funds_in_place") == 1500.5)
            #expect(try await api.request(.get, "/api/v1/attraction/deals", token: d1).items.first.flatMap { ($0["funds_in_place"] as? NSNumber)?.doubleValue } == 1500.5)
            let listed = try await api.request(.get, receipts, token: d1)
            #expect(listed.items.map { $0["received_on"] as? String } == ["2026-03-15", "2026-04-01"])
            // bad input and other agencies
            #expect(Set(try await api.request(.post, receipts, token: drc, json: ["received_on": "01/04/2026", "amount": 0.001]).errorFields) == ["received_on", "amount"])
            #expect(try await api.request(.post, receipts, token: drc, json: ["amount": 1]).errorFields == ["received_on"])
            try await api.expectBodyErrors(.post, receipts, token: drc)
            #expect(try await api.request(.post, receipts, token: d1, json: ["received_on": "2026-04-02", "amount": 1]).status == .forbidden)
            #expect(try await api.request(.post, receipts, token: try await api.signIn(code: "DRC", "viewer"), json: ["received_on": "2026-04-02", "amount": 1]).status == .forbidden)
            #expect(try await api.request(.post, receipts, token: iit, json: ["received_on": "2026-04-02", "amount": 1]).status == .notFound)
            #expect(try await api.request(.get, receipts, token: iit).status == .notFound)
            #expect(try await api.request(.post, "/api/v1/attraction/deals/999999/receipts", token: county, json: ["received_on": "2026-04-02", "amount": 1]).status == .notFound)
            #expect(try await api.request(.get, receipts).status == .unauthorized)
        }
    }
}
