import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct TargetTests {
    @Test func countySetsAndReplacesTargets() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(code: "CTY", "editor")
            let d1ID = api.fixture.district1.id
            let path = "/api/v1/targets/2026/\(d1ID)"
            // MUT: create; a missing indicator is null
            let created = try await api.request(.put, path, token: county, json: [
                "fai": 100000, "major_investment": 50000.25, "new_starts": 5, "completions": NSNull(),
            ])
            #expect(created.status == .created)
            #expect(created.headers[.eTag] == "\"1\"")
            #expect(created.headers[.location] == path)
            #expect(created.jsonNumber("fai") == 100000)
            #expect(created.jsonNumber("major_investment") == 50000.25)
            #expect(created.object["completions"] is NSNull)
            #expect(created.object["attraction_funds"] is NSNull)
            #expect(created.jsonInt("agency_id") == Int(d1ID))
            // MUT: replace with If-Match
            #expect(try await api.request(.put, path, token: county, json: ["fai": 1]).status == .preconditionRequired)
            let replaced = try await api.request(.put, path, token: county, json: ["fai": 120000, "completions": 3], headers: ifMatch(1))
            #expect(replaced.status == .ok)
            #expect(replaced.jsonInt("version") == 2)
            #expect(replaced.headers[.eTag] == "\"2\"")
            #expect(replaced.jsonNumber("completions") == 3)
            #expect(replaced.object["major_investment"] is NSNull)
            let stale = try await api.request(.put, path, token: county, json: ["fai": 1], headers: ifMatch(1))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.jsonInt("current_version") == 2)
            #expect(try await api.request(.put, "/api/v1/targets/2026/\(api.fixture.district2.id)", token: county, json: ["fai": 1],
                                          headers: ifMatch(1)).status == .preconditionFailed)
            // bad input
            let invalid = try await api.request(.put, path, token: county, json: ["fai": -1, "new_starts": 1.234, "completions": "3", "score": 1],
                                                headers: ifMatch(2))
            #expect(Set(invalid.errorFields) == ["fai", "new_starts", "completions", "score"])
            #expect(try await api.request(.put, path, token: county, raw: "[]", headers: ifMatch(2)).status == .badRequest)
            let countyAgency = try await api.request(.put, "/api/v1/targets/2026/\(api.fixture.county.id)", token: county, json: ["fai": 1])
            #expect(countyAgency.errorFields == ["agency_id"])
            #expect(try await api.request(.put, "/api/v1/targets/2026/999999", token: county, json: ["fai": 1]).errorFields == ["agency_id"])
            // an invalid agency is 422 before any version is compared
            for agencyID in [api.fixture.county.id, 999999] {
                let stale = try await api.request(.put, "/api/v1/targets/2026/\(agencyID)", token: county, json: ["fai": 1], headers: ifMatch(7))
                #expect(stale.status == .unprocessableContent && stale.errorFields == ["agency_id"])
            }
            #expect(try await api.request(.put, "/api/v1/targets/20x6/\(d1ID)", token: county, json: ["fai": 1]).status == .unprocessableContent)
            #expect(try await api.request(.put, "/api/v1/targets/2026/d1", token: county, json: ["fai": 1]).status == .unprocessableContent)
            try await api.expectBodyErrors(.put, path, token: county, headers: ifMatch(2))
            // only county editors write targets, even an agency's own; to agencies that cannot see
            // them; the route turns away every non-county caller with 403 before any lookup
            for (code, role) in [("D1", "editor"), ("D1", "admin"), ("D2", "editor"), ("DRC", "editor"), ("CTY", "viewer")] {
                let token = try await api.signIn(code: code, role)
                let replaced = try await api.request(.put, path, token: token, json: ["fai": 1], headers: ifMatch(2)).status
                #expect(replaced == .forbidden, "\(code) \(role) replace")
                #expect(try await api.request(.put, "/api/v1/targets/2027/\(d1ID)", token: token, json: ["fai": 1]).status == .forbidden, "\(code) \(role) create")
            }
            #expect(try await api.request(.get, path, token: county).jsonNumber("fai") == 120000)
        }
    }

    @Test func agenciesSeeTheirOwnTargets() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(code: "CTY", "editor")
            for agency in [api.fixture.district1, api.fixture.district2, api.fixture.drc] {
                #expect(try await api.request(.put, "/api/v1/targets/2026/\(agency.id)", token: county, json: ["fai": 10]).status == .created)
            }
            let path = "/api/v1/targets/2026/\(api.fixture.district1.id)"
            let d1 = try await api.signIn(code: "D1", "viewer")
            let own = try await api.request(.get, path, token: d1)
            #expect(own.status == .ok)
            #expect(own.headers[.eTag] == "\"1\"")
            #expect(try await api.request(.get, path, token: try await api.signIn(code: "D2", "editor")).status == .notFound)
            #expect(try await api.request(.get, path, token: try await api.signIn(code: "DRC", "editor")).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/targets/2025/\(api.fixture.district1.id)", token: county).status == .notFound)
            #expect(try await api.request(.get, path).status == .unauthorized)
            // the year's list: visible agencies only, by code
            let all = try await api.request(.get, "/api/v1/targets/2026", token: county)
            #expect(all.object["total"] as? Int == 3)
            #expect(all.items.map { $0["agency_id"] as? Int } == [api.fixture.district1.id, api.fixture.district2.id, api.fixture.drc.id].map(Int.init))
            let paged = try await api.request(.get, "/api/v1/targets/2026?limit=1&offset=1", token: county)
            #expect(paged.items.map { $0["agency_id"] as? Int } == [Int(api.fixture.district2.id)])
            #expect(paged.object["total"] as? Int == 3)
            let mine = try await api.request(.get, "/api/v1/targets/2026", token: d1)
            #expect(mine.items.map { $0["agency_id"] as? Int } == [Int(api.fixture.district1.id)])
            #expect(try await api.request(.get, "/api/v1/targets/2026", token: try await api.signIn(code: "AGR", "viewer")).object["total"] as? Int == 0)
            #expect(try await api.request(.get, "/api/v1/targets/year", token: county).status == .unprocessableContent)
            #expect(try await api.request(.get, "/api/v1/targets/2026?limit=501", token: county).status == .unprocessableContent)
        }
    }

    @Test func concurrentPutsCreateOnceAndReplaceOnce() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(code: "CTY", "editor")
            let path = "/api/v1/targets/2026/\(api.fixture.drc.id)"
            #expect(try await api.concurrently(2, .put, path, token: county, json: ["fai": 5, "attraction_funds": 1]) == [201, 428])
            #expect(try await api.concurrently(3, .put, path, token: county, json: ["fai": 6], headers: ifMatch(1)) == [200, 412, 412])
            let final = try await api.request(.get, path, token: county)
            #expect(final.jsonInt("version") == 2)
            #expect(final.jsonNumber("fai") == 6)
            #expect(final.object["attraction_funds"] is NSNull)
        }
    }
}
