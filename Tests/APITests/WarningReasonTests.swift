import Foundation
import HTTPTypes
import Hummingbird
import Testing
import TestSupport

/// Warnings' project reasons of the daily work: behind plan, completion overdue, problem overdue.
@Suite struct WarningReasonTests {
    @Test func behindPlanCompletionOverdueAndProblemOverdue() async throws {
        try await APIHarness.run { api in
            // setup: a D1 project under way, due to complete by 31 March, with a problem due on
            // 1 April and a plan of 100 a month against reports of 10 a month
            let district = try await api.signIn(api.fixture.district1, "editor")
            let created = try await api.request(.post, "/api/v1/projects", token: district, json: [
                "code": "W-1", "name": "预警项目", "category": "services", "stage": "construction", "major": true,
                "national_code": "2026-520329-48-01-000001",
                "district_id": api.fixture.district1.id, "actual_start": "2026-01-10", "planned_start": "2026-01-01",
                "planned_completion": "2026-03-31",
            ])
            #expect(created.status == .created)
            let project = try #require(created.object["id"] as? Int)
            let problem = try await api.request(.post, "/api/v1/projects/\(project)/problems", token: district, json: [
                "kind": "funding", "description": "资金缺口", "department_id": api.fixture.drc.id, "due_on": "2026-04-01",
            ])
            let problemID = try #require(problem.object["id"] as? Int)
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/plans/2026", token: district,
                                          json: ["annual_investment": 1200, "monthly": Array(repeating: 100, count: 12)]).status == .created)
            for month in ["01", "02", "03"] {
                _ = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-\(month)", token: district, json: ["investment_completed": 10, "explanation": "施工受阻，投资滞后"])
            }
            // MUT
            let county = try await api.signIn(api.fixture.county, "viewer")
            let warnings = try await api.request(.get, "/api/v1/warnings?year=2026&as_of=2026-04-15", token: county)
            // validation: 30 of 300 → 0.1
            #expect(warnings.status == .ok)
            let projects = warnings.object["projects"] as? [[String: Any]] ?? []
            let reasons = Dictionary(projects.map { ($0["reason"] as? String ?? "?", $0) }) { first, _ in first }
            #expect(Set(reasons.keys) == ["behind_plan", "completion_overdue", "problem_overdue"])
            #expect((reasons["behind_plan"]?["ratio"] as? NSNumber)?.doubleValue == 0.1)
            #expect(reasons["behind_plan"]?["month"] as? String == "2026-03")
            #expect(reasons["completion_overdue"]?["planned_completion"] as? String == "2026-03-31")
            #expect(reasons["problem_overdue"]?["problem_id"] as? Int == problemID)
            #expect(reasons["problem_overdue"]?["due_on"] as? String == "2026-04-01")
            // not yet on 31 March; never for another district
            let early = try await api.request(.get, "/api/v1/warnings?year=2026&as_of=2026-03-31", token: county)
            let earlyReasons = Set((early.object["projects"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String })
            #expect(earlyReasons == ["behind_plan"], "as of 31 March: February's 20 of 200")
            let other = try await api.signIn(api.fixture.district2, "viewer")
            let theirs = try await api.request(.get, "/api/v1/warnings?year=2026&as_of=2026-04-15", token: other)
            #expect((theirs.object["projects"] as? [Any])?.isEmpty == true)
        }
    }
}
