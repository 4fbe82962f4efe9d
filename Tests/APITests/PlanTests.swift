import Foundation
import HTTPTypes
import Hummingbird
import Testing
import TestSupport

/// Annual investment plans: the sum rule, the month-by-month figures and the ratio to date,
/// each computed by hand below.
@Suite struct PlanTests {
    /// 50 + 50 + 8 × 100 + 2 × 150 = 1200.
    static var plan: [String: Any] {
        ["annual_investment": 1200, "monthly": monthly]
    }
    static let monthly = [50, 50, 100, 100, 100, 100, 100, 100, 100, 100, 150, 150]

    /// A D1 project with the plan above and reports of January 40, February 60, March 30.
    func plannedProject(_ api: APIClient, token: String, code: String = "P-001") async throws -> Int {
        let project = try await api.createProject(token: token, code: code)
        #expect(try await api.request(.put, "/api/v1/projects/\(project)/plans/2026", token: token, json: Self.plan).status == .created)
        for (month, amount) in [("01", 40), ("02", 60), ("03", 30)] {
            let report = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-\(month)", token: token,
                                               json: ["investment_completed": amount])
            #expect(report.status == .created)
        }
        return project
    }

    @Test func monthByMonthFiguresAndTheRatioToDate() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await plannedProject(api, token: token)
            // as of 15 April the last complete month is March: plan 50 + 50 + 100 = 200,
            // actual 40 + 60 + 30 = 130, ratio 0.65 < 0.80 → behind.
            let april = try await api.request(.get, "/api/v1/projects/\(project)/plans/2026?as_of=2026-04-15", token: token)
            #expect(april.status == .ok)
            #expect(april.headers[.eTag] == "\"1\"")
            #expect(april.object["through_month"] as? String == "2026-03")
            #expect(april.jsonNumber("ratio_to_date") == 0.65)
            #expect(april.object["behind"] as? Bool == true)
            let months = try #require(april.object["months"] as? [[String: Any]])
            #expect(months.count == 12)
            #expect(months.map { ($0["cumulative_plan"] as? NSNumber)?.doubleValue } == [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1050, 1200])
            #expect(months.map { ($0["cumulative_actual"] as? NSNumber)?.doubleValue } == [40, 100, 130, 130, 130, 130, 130, 130, 130, 130, 130, 130])
            #expect(months[2]["actual"] as? Int == 30)
            #expect(months[3]["actual"] is NSNull, "April has no report")
            // as of 1 March: through February, 100 / 100 = 1.0000, not behind
            let march = try await api.request(.get, "/api/v1/projects/\(project)/plans/2026?as_of=2026-03-01", token: token)
            #expect(march.jsonNumber("ratio_to_date") == 1)
            #expect(march.object["behind"] as? Bool == false)
            // as of 2 May: through April, 130 / 300 = 0.43333… → 0.4333
            let may = try await api.request(.get, "/api/v1/projects/\(project)/plans/2026?as_of=2026-05-02", token: token)
            #expect(String(buffer: may.body).contains("\"ratio_to_date\":0.4333,"))
            // in January no month is complete: no ratio, not behind
            let january = try await api.request(.get, "/api/v1/projects/\(project)/plans/2026?as_of=2026-01-20", token: token)
            #expect(january.object["ratio_to_date"] is NSNull && january.object["through_month"] is NSNull)
            #expect(january.object["behind"] as? Bool == false)
            // reporting.plan_progress says the same for March
            let connection = try api.database.connect()
            defer { connection.close() }
            let row = try #require(try connection.query("""
                SELECT cumulative_planned::text AS p, cumulative_actual::text AS a, ratio::text AS r
                  FROM reporting.plan_progress WHERE project_id = \(Int64(project)) AND month = '2026-03'
                """).first)
            #expect(try row.decode("p", as: String.self) == "200.00")
            #expect(try row.decode("a", as: String.self) == "130.00")
            #expect(try row.decode("r", as: String.self) == "0.6500")
            // unknown plan, bad as_of
            #expect(try await api.request(.get, "/api/v1/projects/\(project)/plans/2025", token: token).status == .notFound)
            let badDay = try await api.request(.get, "/api/v1/projects/\(project)/plans/2026?as_of=2026-13-01", token: token)
            #expect(badDay.status == .unprocessableContent && badDay.errorFields == ["as_of"])
        }
    }

    @Test func theMonthsMustBeTwelveMoneyAmountsAddingUpExactly() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let path = "/api/v1/projects/\(project)/plans/2026"
            func fields(_ monthly: [Any], annual: Any = 1200) async throws -> [String] {
                let response = try await api.request(.put, path, token: token, json: ["annual_investment": annual, "monthly": monthly])
                #expect(response.status == .unprocessableContent, "\(monthly)")
                return response.errorFields
            }
            let good = Self.monthly
            #expect(try await fields(Array(good.dropLast())) == ["monthly"], "11 months")
            #expect(try await fields(good + [0]) == ["monthly"], "13 months")
            var negative: [Any] = good
            negative[2] = -100
            #expect(try await fields(negative) == ["monthly[2]"])
            var fine: [Any] = good
            fine[0] = 49.995
            fine[1] = 50.005
            #expect(try await fields(fine) == ["monthly[0]", "monthly[1]"], "three decimals")
            var off: [Any] = good
            off[11] = 150.01
            let offBy = try await api.request(.put, path, token: token, json: ["annual_investment": 1200, "monthly": off])
            #expect(offBy.errorFields == ["monthly"])
            #expect(offBy.problemCodes == ["monthly_sum"])
            #expect(offBy.problemMessages.first?.contains("1,200.01 万元") == true)
            #expect(try await fields(good, annual: 1200.001) == ["annual_investment"])
            #expect(try await fields(["x"] + good.dropFirst().map { $0 as Any }) == ["monthly[0]"])
            let missing = try await api.request(.put, path, token: token, json: ["annual_investment": 0])
            #expect(missing.errorFields == ["monthly"])
            // nothing was stored
            #expect(try await api.request(.get, path, token: token).status == .notFound)
            try await api.expectBodyErrors(.put, path, token: token)
        }
    }

    @Test func replacingNeedsIfMatchAndOnlyProjectWritersMayWrite() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: district, category: "services")
            let path = "/api/v1/projects/\(project)/plans/2026"
            #expect(try await api.request(.put, path, token: district, json: Self.plan).status == .created)
            #expect(try await api.request(.put, path, token: district, json: Self.plan).status == .preconditionRequired)
            let flat: [String: Any] = ["annual_investment": 12.24, "monthly": Array(repeating: 1.02, count: 12)]
            let replaced = try await api.request(.put, path, token: district, json: flat, headers: ifMatch(1))
            #expect(replaced.status == .ok && replaced.object["version"] as? Int == 2)
            #expect(try await api.request(.put, path, token: district, json: flat, headers: ifMatch(1)).status == .preconditionFailed)
            // the county writes any project's plan
            let county = try await api.signIn(api.fixture.county, "editor")
            #expect(try await api.request(.put, path, token: county, json: Self.plan, headers: ifMatch(2)).status == .ok)
            // the lead department (DRC leads services) sees the plan but may not write it
            let drc = try await api.signIn(api.fixture.drc, "editor")
            #expect(try await api.request(.get, path, token: drc).status == .ok)
            #expect(try await api.request(.put, path, token: drc, json: Self.plan, headers: ifMatch(3)).status == .forbidden)
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/plans/2027", token: drc, json: Self.plan).status == .forbidden)
            // another district does not see it at all
            let other = try await api.signIn(api.fixture.district2, "editor")
            #expect(try await api.request(.get, path, token: other).status == .notFound)
            #expect(try await api.request(.put, path, token: other, json: Self.plan, headers: ifMatch(3)).status == .notFound)
            // the history keeps every version
            let history = try await api.request(.get, "/api/v1/projects/\(project)/history", token: county)
            #expect(history.items.filter { $0["table"] as? String == "investment_plans" }.count == 3)
        }
    }

    @Test func theListFiltersLikeProjectsAndByBehind() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let behind = try await plannedProject(api, token: token, code: "P-001")
            let onTrack = try await api.createProject(token: token, code: "P-002")
            #expect(try await api.request(.put, "/api/v1/projects/\(onTrack)/plans/2026", token: token,
                                          json: ["annual_investment": 120, "monthly": Array(repeating: 10, count: 12)]).status == .created)
            for month in ["01", "02", "03"] {
                _ = try await api.request(.put, "/api/v1/projects/\(onTrack)/reports/2026-\(month)", token: token, json: ["investment_completed": 10])
            }
            let all = try await api.request(.get, "/api/v1/plans?year=2026&as_of=2026-04-15", token: token)
            #expect(all.status == .ok && all.object["total"] as? Int == 2)
            let first = try #require(all.items.first)
            #expect((first["project"] as? [String: Any])?["code"] as? String == "P-001")
            #expect(first["plan_to_date"] as? Int == 200 && first["actual_to_date"] as? Int == 130)
            #expect((first["ratio_to_date"] as? NSNumber)?.doubleValue == 0.65 && first["behind"] as? Bool == true)
            #expect(all.items.last?["behind"] as? Bool == false)
            let behindOnly = try await api.request(.get, "/api/v1/plans?year=2026&as_of=2026-04-15&behind=true", token: token)
            #expect(behindOnly.items.compactMap { ($0["project"] as? [String: Any])?["id"] as? Int } == [behind])
            let notBehind = try await api.request(.get, "/api/v1/plans?year=2026&as_of=2026-04-15&behind=false", token: token)
            #expect(notBehind.items.compactMap { ($0["project"] as? [String: Any])?["id"] as? Int } == [onTrack])
            let searched = try await api.request(.get, "/api/v1/plans?year=2026&q=P-002", token: token)
            #expect(searched.object["total"] as? Int == 1)
            #expect(try await api.request(.get, "/api/v1/plans?year=2026&district_id=\(api.fixture.district2.id)", token: token).object["total"] as? Int == 0)
            #expect(try await api.request(.get, "/api/v1/plans?year=2025", token: token).object["total"] as? Int == 0)
            // another agency sees none of them; bad parameters are named
            let other = try await api.signIn(api.fixture.district2, "viewer")
            #expect(try await api.request(.get, "/api/v1/plans?year=2026", token: other).object["total"] as? Int == 0)
            #expect(try await api.request(.get, "/api/v1/plans", token: token).errorFields == ["year"])
            #expect(try await api.request(.get, "/api/v1/plans?year=2026&behind=yes", token: token).errorFields == ["behind"])
        }
    }

    /// The behind threshold is the county's setting (`plans.behind_ratio`): at 0.60 a ratio of
    /// 0.65 is not behind.
    @Test func theBehindThresholdIsASetting() async throws {
        try await APIHarness.run(configure: { $0.planBehindRatio = Decimal(string: "0.60")! }) { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await plannedProject(api, token: token)
            let plan = try await api.request(.get, "/api/v1/projects/\(project)/plans/2026?as_of=2026-04-15", token: token)
            #expect(plan.jsonNumber("ratio_to_date") == 0.65 && plan.object["behind"] as? Bool == false)
            let list = try await api.request(.get, "/api/v1/plans?year=2026&as_of=2026-04-15&behind=true", token: token)
            #expect(list.object["total"] as? Int == 0)
        }
    }
}
