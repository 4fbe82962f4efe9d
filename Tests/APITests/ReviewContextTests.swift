import Foundation
import HTTPTypes
import Hummingbird
import Testing
import TestSupport

/// The review queue gives each waiting report its reviewer's context (CONSOLE.md): district,
/// month's plan, last month, cumulative plan and actual, the unusual-figure flag; and filters by
/// district.
@Suite struct ReviewContextTests {
    @Test func aWaitingReportCarriesItsPlanLastMonthAndCumulativeFigures() async throws {
        try await APIHarness.run { api in
            // setup: plan 50, 50, 100… (PlanTests); reports February 60 and March 320 (explained)
            let district = try await api.signIn(api.fixture.district1, "editor")
            let drc = try await api.signIn(api.fixture.drc, "editor")
            let project = try await api.createProject(token: district, code: "P-001", category: "services")
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/plans/2026", token: district, json: PlanTests.plan).status == .created)
            _ = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-02", token: district, json: ["investment_completed": 60])
            _ = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: district,
                                      json: ["investment_completed": 320, "explanation": "设备集中到货"])
            // MUT
            let queue = try await api.request(.get, "/api/v1/reviews?month=2026-03", token: drc)
            // validate
            let item = try #require(queue.items.first)
            #expect((item["district_id"] as? Int).map(Int64.init) == api.fixture.district1.id)
            #expect((item["month_plan"] as? NSNumber)?.doubleValue == 100 && (item["last_month"] as? NSNumber)?.doubleValue == 60)
            #expect((item["cumulative_plan"] as? NSNumber)?.doubleValue == 200 && (item["cumulative_actual"] as? NSNumber)?.doubleValue == 380)
            #expect(item["unusual"] as? Bool == true && item["explanation"] as? String == "设备集中到货")
        }
    }

    @Test func theQueueFiltersByDistrict() async throws {
        try await APIHarness.run { api in
            let first = try await api.signIn(api.fixture.district1, "editor")
            let second = try await api.signIn(api.fixture.district2, "editor")
            let county = try await api.signIn(api.fixture.county, "editor")
            for (token, code) in [(first, "P-001"), (second, "P-002")] {
                let project = try await api.createProject(token: token, code: code, district: token == first ? api.fixture.district1 : api.fixture.district2, category: "services")
                _ = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token, json: ["investment_completed": 1])
            }
            let only = try await api.request(.get, "/api/v1/reviews?district_id=\(api.fixture.district2.id)", token: county)
            #expect(only.items.compactMap { ($0["project"] as? [String: Any])?["code"] as? String } == ["P-002"])
            #expect(try await api.request(.get, "/api/v1/reviews?district_id=x", token: county).errorFields == ["district_id"])
        }
    }
}
