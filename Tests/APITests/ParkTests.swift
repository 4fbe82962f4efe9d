import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct ParkTests {
    @Test func countyCreatesListsAndUpdatesParks() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(code: "CTY", "editor")
            let d1 = api.fixture.district1.id
            // MUT: create
            let created = try await api.request(.post, "/api/v1/parks", token: county, json: [
                "name": "金阳物流城", "district_id": d1, "standard": "eight_one",
            ])
            #expect(created.status == .created)
            #expect(created.headers[.eTag] == "\"1\"")
            let id = try #require(created.jsonInt("id"))
            #expect(created.headers[.location] == "/api/v1/parks/\(id)")
            #expect(created.jsonInt("items_total") == 9)
            #expect(created.jsonInt("items_done") == 0)
            #expect(created.jsonNumber("readiness") == 0)
            // errors of the create
            try await api.expectBodyErrors(.post, "/api/v1/parks", token: county)
            let duplicate = try await api.request(.post, "/api/v1/parks", token: county, json: [
                "name": "金阳物流城", "district_id": d1, "standard": "six_one",
            ])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.errorFields == ["name"])
            let wrongKind = try await api.request(.post, "/api/v1/parks", token: county, json: [
                "name": "X", "district_id": api.fixture.drc.id, "standard": "six_one",
            ])
            #expect(wrongKind.status == .unprocessableContent)
            #expect(wrongKind.errorFields == ["district_id"])
            #expect(wrongKind.problemCodes == ["agency_wrong_kind"])
            let invalid = try await api.request(.post, "/api/v1/parks", token: county, json: ["standard": "nine_two", "colour": "red"])
            #expect(Set(invalid.errorFields) == ["name", "district_id", "standard", "colour"])
            // only county editors create parks
            for (code, role) in [("D1", "editor"), ("DRC", "editor"), ("CTY", "viewer")] {
                let token = try await api.signIn(code: code, role)
                let refused = try await api.request(.post, "/api/v1/parks", token: token, json: [
                    "name": "\(code)-\(role)", "district_id": d1, "standard": "six_one",
                ])
                #expect(refused.status == .forbidden, "\(code) \(role)")
            }
            // everybody sees every park
            let d2 = try await api.signIn(code: "D2", "viewer")
            let all = try await api.request(.get, "/api/v1/parks", token: d2)
            #expect(all.object["total"] as? Int == 3)
            #expect(all.items.allSatisfy { $0["readiness"] != nil && $0["items_total"] != nil })
            let inD1 = try await api.request(.get, "/api/v1/parks?district_id=\(d1)", token: d2)
            #expect(inD1.object["total"] as? Int == 2)
            #expect(try await api.request(.get, "/api/v1/parks?district_id=x", token: d2).errorFields == ["district_id"])
            #expect(try await api.request(.get, "/api/v1/parks/\(id)", token: d2).headers[.eTag] == "\"1\"")
            #expect(try await api.request(.get, "/api/v1/parks/999999", token: d2).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/parks/abc", token: d2).status == .unprocessableContent)
            #expect(try await api.request(.get, "/api/v1/parks").status == .unauthorized)
            // MUT: update
            #expect(try await api.request(.patch, "/api/v1/parks/\(id)", token: county, json: ["name": "新名"]).status == .preconditionRequired)
            let updated = try await api.request(.patch, "/api/v1/parks/\(id)", token: county, json: ["name": "新名"], headers: ifMatch(1))
            #expect(updated.status == .ok)
            #expect(updated.jsonInt("version") == 2)
            #expect(updated.object["name"] as? String == "新名")
            let stale = try await api.request(.patch, "/api/v1/parks/\(id)", token: county, json: ["name": "x"], headers: ifMatch(1))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.jsonInt("current_version") == 2)
            #expect(try await api.request(.patch, "/api/v1/parks/\(id)", token: county, json: ["standard": "x"], headers: ifMatch(2)).errorFields == ["standard"])
            #expect(try await api.request(.patch, "/api/v1/parks/999999", token: county, json: ["name": "x"], headers: ifMatch(1)).status == .notFound)
            try await api.expectBodyErrors(.patch, "/api/v1/parks/\(id)", token: county, headers: ifMatch(2))
            // the park's own district may not change the park itself
            let d1Editor = try await api.signIn(code: "D1", "editor")
            #expect(try await api.request(.patch, "/api/v1/parks/\(id)", token: d1Editor, json: ["name": "x"], headers: ifMatch(2)).status == .forbidden)
        }
    }

    @Test func districtMaintainsItsParksItemsAndReadinessFollows() async throws {
        try await APIHarness.run { api in
            let d1 = try await api.signIn(code: "D1", "editor")
            let park = api.fixture.park1
            let path = "/api/v1/parks/\(park)/items"
            // MUT: create an item
            let water = try await api.request(.put, "\(path)/water", token: d1, json: [
                "status": "done", "planned_investment": 100, "completed_investment": 80.5,
            ])
            #expect(water.status == .created)
            #expect(water.headers[.eTag] == "\"1\"")
            #expect(water.headers[.location] == "\(path)/water")
            #expect(water.jsonNumber("completed_investment") == 80.5)
            // replacing needs If-Match
            let again = try await api.request(.put, "\(path)/water", token: d1, json: ["status": "done"])
            #expect(again.status == .preconditionRequired)
            let replaced = try await api.request(.put, "\(path)/water", token: d1, json: ["status": "building", "planned_investment": 120],
                                                 headers: ifMatch(1))
            #expect(replaced.status == .ok)
            #expect(replaced.jsonInt("version") == 2)
            #expect(replaced.jsonNumber("completed_investment") == 0)
            let stale = try await api.request(.put, "\(path)/water", token: d1, json: ["status": "done"], headers: ifMatch(1))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.jsonInt("current_version") == 2)
            #expect(try await api.request(.put, "\(path)/power", token: d1, json: ["status": "done"], headers: ifMatch(1)).status == .preconditionFailed)
            #expect(try await api.request(.put, "\(path)/water", token: d1, json: ["status": "done"], headers: ifMatch(2)).status == .ok)
            _ = try await api.request(.put, "\(path)/drainage", token: d1, json: ["status": "done"])
            _ = try await api.request(.put, "\(path)/road", token: d1, json: ["status": "building"])
            // readiness: 2 of the 7 six_one items done
            let viewer = try await api.signIn(code: "D2", "viewer")
            let shown = try await api.request(.get, "/api/v1/parks/\(park)", token: viewer)
            #expect(shown.jsonInt("items_done") == 2)
            #expect(shown.jsonInt("items_total") == 7)
            #expect(shown.jsonNumber("readiness") == 0.2857)
            let items = try await api.request(.get, path, token: viewer)
            #expect(items.object["total"] as? Int == 3)
            #expect(items.items.map { $0["item"] as? String } == ["water", "drainage", "road"])
            // bad input
            let heating = try await api.request(.put, "\(path)/heating", token: d1, json: ["status": "done"])
            #expect(heating.status == .unprocessableContent)
            #expect(heating.errorFields == ["item"])
            #expect(try await api.request(.put, "\(path)/teleport", token: d1, json: ["status": "done"]).status == .unprocessableContent)
            let invalid = try await api.request(.put, "\(path)/gas", token: d1, json: ["status": "finished", "planned_investment": -1, "completed_investment": 1.234])
            #expect(Set(invalid.errorFields) == ["status", "planned_investment", "completed_investment"])
            #expect(try await api.request(.put, "\(path)/gas", token: d1, json: [String: Any]()).errorFields == ["status"])
            try await api.expectBodyErrors(.put, "\(path)/gas", token: d1)
            #expect(try await api.request(.put, "/api/v1/parks/999999/items/gas", token: d1, json: ["status": "done"]).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/parks/999999/items", token: d1).status == .notFound)
            // other districts, departments and viewers may not write it
            for (code, role) in [("D2", "editor"), ("DRC", "editor"), ("D1", "viewer"), ("CTY", "viewer")] {
                let token = try await api.signIn(code: code, role)
                #expect(try await api.request(.put, "\(path)/gas", token: token, json: ["status": "done"]).status == .forbidden, "\(code) \(role) create")
                #expect(try await api.request(.put, "\(path)/water", token: token, json: ["status": "done"], headers: ifMatch(3)).status == .forbidden,
                        "\(code) \(role) replace")
            }
            // the county writes any park's items; a standard change keeps items consistent
            let county = try await api.signIn(code: "CTY", "editor")
            #expect(try await api.request(.put, "/api/v1/parks/\(api.fixture.park2)/items/gas", token: county, json: ["status": "planned"]).status == .created)
            let eight = try await api.request(.patch, "/api/v1/parks/\(park)", token: county, json: ["standard": "eight_one"], headers: ifMatch(1))
            #expect(eight.status == .ok)
            #expect(try await api.request(.put, "\(path)/heating", token: d1, json: ["status": "done"]).status == .created)
            let nine = try await api.request(.get, "/api/v1/parks/\(park)", token: viewer)
            #expect(nine.jsonNumber("readiness") == 0.3333)
            let back = try await api.request(.patch, "/api/v1/parks/\(park)", token: county, json: ["standard": "six_one"], headers: ifMatch(2))
            #expect(back.status == .unprocessableContent)
            #expect(back.errorFields == ["standard"])
        }
    }

    @Test func concurrentItemPutsLoseNothing() async throws {
        try await APIHarness.run { api in
            let d2 = try await api.signIn(code: "D2", "editor")
            let path = "/api/v1/parks/\(api.fixture.park2)/items/power"
            #expect(try await api.concurrently(2, .put, path, token: d2, json: ["status": "building"]) == [201, 428])
            #expect(try await api.concurrently(4, .put, path, token: d2, json: ["status": "done"], headers: ifMatch(1)) == [200, 412, 412, 412])
            let park = try await api.request(.get, "/api/v1/parks/\(api.fixture.park2)", token: d2)
            #expect(park.jsonInt("items_done") == 1)
            #expect(park.jsonNumber("readiness") == 0.1429)
        }
    }
}
