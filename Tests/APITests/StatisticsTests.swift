import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct StatisticsTests {
    @Test func countyEntersDistrictFAI() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(code: "CTY", "editor")
            let d1ID = api.fixture.district1.id
            let path = "/api/v1/statistics/fai/\(d1ID)/2026-01"
            // MUT: create, then replace with If-Match
            let created = try await api.request(.put, path, token: county, json: ["amount": 1234.56])
            #expect(created.status == .created)
            #expect(created.headers[.eTag] == "\"1\"")
            #expect(created.headers[.location] == path)
            #expect(created.object["month"] as? String == "2026-01")
            #expect(created.jsonNumber("amount") == 1234.56)
            #expect(try await api.request(.put, path, token: county, json: ["amount": 1]).status == .preconditionRequired)
            let replaced = try await api.request(.put, path, token: county, json: ["amount": 2000], headers: ifMatch(1))
            #expect(replaced.status == .ok)
            #expect(replaced.jsonInt("version") == 2)
            let stale = try await api.request(.put, path, token: county, json: ["amount": 1], headers: ifMatch(1))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.jsonInt("current_version") == 2)
            #expect(try await api.request(.put, "/api/v1/statistics/fai/\(d1ID)/2026-02", token: county, json: ["amount": 1],
                                          headers: ifMatch(1)).status == .preconditionFailed)
            // bad input
            let department = try await api.request(.put, "/api/v1/statistics/fai/\(api.fixture.drc.id)/2026-01", token: county, json: ["amount": 1])
            #expect(department.status == .unprocessableContent)
            #expect(department.errorFields == ["agency_id"])
            #expect(department.problemCodes == ["agency_wrong_kind"])
            #expect(try await api.request(.put, "/api/v1/statistics/fai/\(d1ID)/2026-13", token: county, json: ["amount": 1]).status == .unprocessableContent)
            #expect(try await api.request(.put, "/api/v1/statistics/fai/\(d1ID)/2026-1", token: county, json: ["amount": 1]).status == .unprocessableContent)
            #expect(try await api.request(.put, "/api/v1/statistics/fai/x/2026-01", token: county, json: ["amount": 1]).status == .unprocessableContent)
            #expect(try await api.request(.put, path, token: county, json: ["amount": -1], headers: ifMatch(2)).errorFields == ["amount"])
            #expect(try await api.request(.put, path, token: county, json: ["amount": "1"], headers: ifMatch(2)).errorFields == ["amount"])
            #expect(Set(try await api.request(.put, path, token: county, json: ["amt": 1], headers: ifMatch(2)).errorFields) == ["amount", "amt"])
            try await api.expectBodyErrors(.put, path, token: county, headers: ifMatch(2))
            // only county editors enter statistics, even a district's own; to agencies that cannot
            // see them; the route turns away every non-county caller with 403 before any lookup
            for (code, role) in [("D1", "editor"), ("D2", "editor"), ("DRC", "editor"), ("CTY", "viewer")] {
                let token = try await api.signIn(code: code, role)
                let replaced = try await api.request(.put, path, token: token, json: ["amount": 1], headers: ifMatch(2)).status
                #expect(replaced == .forbidden, "\(code) \(role) replace")
                #expect(try await api.request(.put, "/api/v1/statistics/fai/\(d1ID)/2026-03", token: token, json: ["amount": 1]).status == .forbidden,
                        "\(code) \(role) create")
            }
        }
    }

    @Test func districtsSeeTheirOwnFigures() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(code: "CTY", "editor")
            for (district, month) in [(api.fixture.district1.id, "2026-01"), (api.fixture.district1.id, "2026-02"),
                                      (api.fixture.district2.id, "2026-01"), (api.fixture.district1.id, "2025-12")] {
                #expect(try await api.request(.put, "/api/v1/statistics/fai/\(district)/\(month)", token: county, json: ["amount": 10]).status == .created)
            }
            #expect(try await api.request(.get, "/api/v1/statistics/fai?year=2026", token: county).object["total"] as? Int == 3)
            #expect(try await api.request(.get, "/api/v1/statistics/fai?year=2025", token: county).object["total"] as? Int == 1)
            let filtered = try await api.request(.get, "/api/v1/statistics/fai?year=2026&agency_id=\(api.fixture.district2.id)", token: county)
            #expect(filtered.items.map { $0["month"] as? String } == ["2026-01"])
            let d1 = try await api.signIn(code: "D1", "viewer")
            let own = try await api.request(.get, "/api/v1/statistics/fai?year=2026", token: d1)
            #expect(own.items.map { $0["month"] as? String } == ["2026-01", "2026-02"])
            #expect(try await api.request(.get, "/api/v1/statistics/fai?year=2026", token: try await api.signIn(code: "DRC", "editor")).object["total"] as? Int == 0)
            let path = "/api/v1/statistics/fai/\(api.fixture.district1.id)/2026-01"
            #expect(try await api.request(.get, path, token: d1).headers[.eTag] == "\"1\"")
            #expect(try await api.request(.get, path, token: try await api.signIn(code: "D2", "editor")).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/statistics/fai/\(api.fixture.district1.id)/2026-05", token: county).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/statistics/fai", token: county).errorFields == ["year"])
            #expect(Set(try await api.request(.get, "/api/v1/statistics/fai?year=26&agency_id=0", token: county).errorFields) == ["year", "agency_id"])
            #expect(try await api.request(.get, "/api/v1/statistics/fai?year=2026").status == .unauthorized)
        }
    }

    @Test func concurrentPutsCreateOnceAndReplaceOnce() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(code: "CTY", "editor")
            let path = "/api/v1/statistics/fai/\(api.fixture.district1.id)/2026-04"
            // two clients create the same month: one wins, the other must read it first
            #expect(try await api.concurrently(2, .put, path, token: county, json: ["amount": 5]) == [201, 428])
            // two clients replace the version they both read: one wins, the other is stale
            #expect(try await api.concurrently(2, .put, path, token: county, json: ["amount": 6], headers: ifMatch(1)) == [200, 412])
            #expect(try await api.request(.get, path, token: county).jsonInt("version") == 2)
        }
    }
}
