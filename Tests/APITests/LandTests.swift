import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct LandTests {
    /// Creates a project as the county and returns its id.
    static func project(_ api: APIClient, _ token: String, code: String, district: Int64, major: Bool) async throws -> Int {
        let response = try await api.request(.post, "/api/v1/projects", token: token, json: [
            "code": code, "name": "项目 \(code)", "category": "industry", "major": major, "district_id": district,
        ])
        #expect(response.status == .created)
        return try #require(response.jsonInt("id"))
    }

    @Test func countySetsQuotas() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(code: "CTY", "editor")
            let path = "/api/v1/land/quotas/2026"
            // MUT: create, then replace with If-Match
            let created = try await api.request(.put, path, token: county, json: ["quota_mu": 100, "reserved_mu": 20.5])
            #expect(created.status == .created)
            #expect(created.headers[.eTag] == "\"1\"")
            #expect(created.headers[.location] == path)
            #expect(created.jsonNumber("reserved_mu") == 20.5)
            #expect(try await api.request(.put, path, token: county, json: ["quota_mu": 120]).status == .preconditionRequired)
            let replaced = try await api.request(.put, path, token: county, json: ["quota_mu": 120], headers: ifMatch(1))
            #expect(replaced.status == .ok)
            #expect(replaced.jsonInt("version") == 2)
            #expect(replaced.jsonNumber("reserved_mu") == 0)
            let stale = try await api.request(.put, path, token: county, json: ["quota_mu": 1], headers: ifMatch(1))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.jsonInt("current_version") == 2)
            #expect(try await api.request(.put, "/api/v1/land/quotas/2027", token: county, json: ["quota_mu": 1], headers: ifMatch(1)).status == .preconditionFailed)
            // bad input
            let over = try await api.request(.put, path, token: county, json: ["quota_mu": 10, "reserved_mu": 11], headers: ifMatch(2))
            #expect(over.status == .unprocessableContent)
            #expect(over.errorFields == ["reserved_mu"])
            #expect(Set(try await api.request(.put, path, token: county, json: ["reserved_mu": -1, "more": 1]).errorFields) == ["quota_mu", "reserved_mu", "more"])
            #expect(try await api.request(.put, "/api/v1/land/quotas/1999", token: county, json: ["quota_mu": 1]).status == .unprocessableContent)
            #expect(try await api.request(.put, "/api/v1/land/quotas/abc", token: county, json: ["quota_mu": 1]).status == .unprocessableContent)
            try await api.expectBodyErrors(.put, path, token: county, headers: ifMatch(2))
            // everybody reads; only county editors write
            let d1Viewer = try await api.signIn(code: "D1", "viewer")
            let shown = try await api.request(.get, path, token: d1Viewer)
            #expect(shown.status == .ok)
            #expect(shown.headers[.eTag] == "\"2\"")
            #expect(shown.jsonNumber("quota_mu") == 120)
            #expect(try await api.request(.get, "/api/v1/land/quotas/2030", token: d1Viewer).status == .notFound)
            #expect(try await api.request(.get, path).status == .unauthorized)
            for (code, role) in [("D1", "editor"), ("DRC", "admin"), ("CTY", "viewer")] {
                let token = try await api.signIn(code: code, role)
                #expect(try await api.request(.put, path, token: token, json: ["quota_mu": 1], headers: ifMatch(2)).status == .forbidden, "\(code) \(role)")
                #expect(try await api.request(.put, "/api/v1/land/quotas/2028", token: token, json: ["quota_mu": 1]).status == .forbidden, "\(code) \(role)")
            }
        }
    }

    @Test func allocationsStayWithinQuotaAndReserve() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(code: "CTY", "editor")
            #expect(try await api.request(.put, "/api/v1/land/quotas/2026", token: county, json: ["quota_mu": 100, "reserved_mu": 20]).status == .created)
            let ordinary = try await Self.project(api, county, code: "L-1", district: api.fixture.district1.id, major: false)
            let major = try await Self.project(api, county, code: "L-2", district: api.fixture.district2.id, major: true)
            // MUT: allocate
            let first = try await api.request(.post, "/api/v1/land/allocations", token: county, json: [
                "year": 2026, "project_id": ordinary, "area_mu": 50,
            ])
            #expect(first.status == .created)
            let firstID = try #require(first.jsonInt("id"))
            #expect(first.headers[.location] == "/api/v1/land/allocations/\(firstID)")
            #expect(first.object["from_reserve"] as? Bool == false)
            // 30 亩 are left outside the reserve
            let tooMuch = try await api.request(.post, "/api/v1/land/allocations", token: county, json: ["year": 2026, "project_id": ordinary, "area_mu": 30.01])
            #expect(tooMuch.status == .unprocessableContent)
            #expect(tooMuch.errorFields == ["area_mu"])
            #expect(tooMuch.problemCodes == ["quota_exceeded"])
            let notMajor = try await api.request(.post, "/api/v1/land/allocations", token: county, json: [
                "year": 2026, "project_id": ordinary, "area_mu": 1, "from_reserve": true,
            ])
            #expect(notMajor.errorFields == ["from_reserve"])
            #expect(notMajor.problemCodes == ["reserve_major_only"])
            let reserve = try await api.request(.post, "/api/v1/land/allocations", token: county, json: [
                "year": 2026, "project_id": major, "area_mu": 20, "from_reserve": true,
            ])
            #expect(reserve.status == .created)
            let reserveID = try #require(reserve.jsonInt("id"))
            let reserveGone = try await api.request(.post, "/api/v1/land/allocations", token: county, json: [
                "year": 2026, "project_id": major, "area_mu": 0.5, "from_reserve": true,
            ])
            #expect(reserveGone.errorFields == ["area_mu"])
            // bad references and values
            #expect(try await api.request(.post, "/api/v1/land/allocations", token: county, json: ["year": 2031, "project_id": major, "area_mu": 1]).errorFields == ["year"])
            #expect(try await api.request(.post, "/api/v1/land/allocations", token: county, json: ["year": 2026, "project_id": 999999, "area_mu": 1]).errorFields == ["project_id"])
            let invalid = try await api.request(.post, "/api/v1/land/allocations", token: county, json: ["year": 26.5, "area_mu": 0, "from_reserve": "no"])
            #expect(Set(invalid.errorFields) == ["year", "project_id", "area_mu", "from_reserve"])
            try await api.expectBodyErrors(.post, "/api/v1/land/allocations", token: county)
            // only the county allocates
            for (code, role) in [("D1", "editor"), ("IIT", "editor"), ("CTY", "viewer")] {
                let token = try await api.signIn(code: code, role)
                let refused = try await api.request(.post, "/api/v1/land/allocations", token: token, json: ["year": 2026, "project_id": ordinary, "area_mu": 1])
                #expect(refused.status == .forbidden, "\(code) \(role)")
            }
            // allocations are visible with their project
            let list = "/api/v1/land/quotas/2026/allocations"
            #expect(try await api.request(.get, list, token: county).object["total"] as? Int == 2)
            let d1 = try await api.signIn(code: "D1", "editor")
            let d2 = try await api.signIn(code: "D2", "editor")
            let agriculture = try await api.signIn(code: "AGR", "viewer")
            #expect(try await api.request(.get, list, token: d1).items.map { $0["id"] as? Int } == [firstID])
            #expect(try await api.request(.get, list, token: d2).items.map { $0["id"] as? Int } == [reserveID])
            #expect(try await api.request(.get, list, token: agriculture).object["total"] as? Int == 0)
            #expect(try await api.request(.get, "/api/v1/land/quotas/2030/allocations", token: d1).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/land/allocations/\(firstID)", token: d1).status == .ok)
            #expect(try await api.request(.get, "/api/v1/land/allocations/\(firstID)", token: d2).status == .notFound)
            // the quota cannot shrink below what is allocated
            let shrink = try await api.request(.put, "/api/v1/land/quotas/2026", token: county, json: ["quota_mu": 60, "reserved_mu": 20], headers: ifMatch(1))
            #expect(shrink.status == .unprocessableContent)
            #expect(shrink.errorFields == ["quota_mu"])
            let shrinkReserve = try await api.request(.put, "/api/v1/land/quotas/2026", token: county, json: ["quota_mu": 100, "reserved_mu": 10], headers: ifMatch(1))
            #expect(shrinkReserve.errorFields == ["reserved_mu"])
            // MUT: withdraw
            #expect(try await api.request(.delete, "/api/v1/land/allocations/\(firstID)", token: d1).status == .forbidden)
            #expect(try await api.request(.delete, "/api/v1/land/allocations/\(firstID)", token: d2).status == .forbidden)
            // withdrawing needs If-Match, as every delete
            #expect(try await api.request(.delete, "/api/v1/land/allocations/\(firstID)", token: county).status == .preconditionRequired)
            #expect(try await api.request(.delete, "/api/v1/land/allocations/\(firstID)", token: county, headers: ifMatch(9)).status == .preconditionFailed)
            #expect(try await api.request(.delete, "/api/v1/land/allocations/\(firstID)", token: county, headers: ifMatch(1)).status == .noContent)
            #expect(try await api.request(.delete, "/api/v1/land/allocations/\(firstID)", token: county, headers: ifMatch(1)).status == .notFound)
            #expect(try await api.request(.delete, "/api/v1/land/allocations/x", token: county).status == .unprocessableContent)
            #expect(try await api.request(.delete, "/api/v1/land/allocations/\(reserveID)").status == .unauthorized)
            // the freed land can be allocated again
            #expect(try await api.request(.post, "/api/v1/land/allocations", token: county, json: ["year": 2026, "project_id": ordinary, "area_mu": 80]).status == .created)
        }
    }

    @Test func concurrentAllocationsNeverExceedTheQuota() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(code: "CTY", "editor")
            #expect(try await api.request(.put, "/api/v1/land/quotas/2027", token: county, json: ["quota_mu": 10]).status == .created)
            let project = try await Self.project(api, county, code: "R-1", district: api.fixture.district1.id, major: true)
            func race(_ count: Int, area: Double) async throws -> [Int] {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<count {
                        group.addTask {
                            let response = try await api.request(.post, "/api/v1/land/allocations", token: county, json: [
                                "year": 2027, "project_id": project, "area_mu": area,
                            ])
                            return Int(response.status.code)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            // two requests, only one fits
            let pair = try await race(2, area: 6)
            #expect(pair.filter { $0 == 201 }.count == 1)
            #expect(pair.filter { $0 == 422 }.count == 1)
            // eight requests of 1 亩 for the 4 亩 left
            let many = try await race(8, area: 1)
            #expect(many.filter { $0 == 201 }.count == 4)
            #expect(many.filter { $0 == 422 }.count == 4)
            let total: Double = try api.database.connect().query(
                "SELECT sum(area_mu)::float8 AS s FROM app.land_allocations WHERE year = 2027"
            )[0].decode("s")
            #expect(total == 10)
        }
    }
}
