import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct ProblemTests {
    @Test func districtRaisesAndAssignedDepartmentResolves() async throws {
        try await APIHarness.run { api in
            let d1 = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: d1)
            // MUT: the district raises a problem for DRC
            let created = try await api.request(.post, "/api/v1/projects/\(project)/problems", token: d1, json: [
                "kind": "land", "description": "用地报批滞后", "department_id": api.fixture.drc.id, "due_on": "2026-06-30",
            ])
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? Int)
            #expect(created.headers[.location] == "/api/v1/problems/\(id)")
            #expect(created.object["status"] as? String == "open")
            // DRC now sees the project and works the problem
            let drc = try await api.signIn(api.fixture.drc, "editor")
            #expect(try await api.request(.get, "/api/v1/projects/\(project)/problems", token: drc).object["total"] as? Int == 1)
            #expect(try await api.request(.patch, "/api/v1/problems/\(id)", token: drc, json: ["status": "in_progress"]).status == .preconditionRequired)
            let working = try await api.request(.patch, "/api/v1/problems/\(id)", token: drc, json: ["status": "in_progress"], headers: ifMatch(1))
            #expect(working.status == .ok)
            let resolved = try await api.request(.patch, "/api/v1/problems/\(id)", token: drc, json: [
                "status": "resolved", "resolution": "已协调省厅", "resolved_on": "2026-05-20",
            ], headers: ifMatch(2))
            #expect(resolved.status == .ok)
            #expect(resolved.object["resolved_on"] as? String == "2026-05-20")
            #expect(try await api.request(.patch, "/api/v1/problems/\(id)", token: drc, json: ["status": "open"], headers: ifMatch(2)).status == .preconditionFailed)
            // reopening clears the resolution date
            let reopened = try await api.request(.patch, "/api/v1/problems/\(id)", token: d1, json: ["status": "escalated"], headers: ifMatch(3))
            #expect(reopened.status == .ok)
            #expect(reopened.object["resolved_on"] is NSNull)
            // but a department may not raise problems, nor may a viewer
            #expect(try await api.request(.post, "/api/v1/projects/\(project)/problems", token: drc, json: ["kind": "other", "description": "x"]).status == .forbidden)
            let viewer = try await api.signIn(api.fixture.district1, "viewer")
            #expect(try await api.request(.post, "/api/v1/projects/\(project)/problems", token: viewer, json: ["kind": "other", "description": "x"]).status == .forbidden)
            #expect(try await api.request(.patch, "/api/v1/problems/\(id)", token: viewer, json: ["status": "open"], headers: ifMatch(4)).status == .forbidden)
            #expect(try await api.request(.delete, "/api/v1/problems/\(id)", token: viewer, headers: ifMatch(4)).status == .forbidden)
            #expect(try await api.request(.delete, "/api/v1/problems/\(id)", token: d1, headers: ifMatch(4)).status == .noContent)
        }
    }

    @Test func invalidProblemsAre422() async throws {
        try await APIHarness.run { api in
            let d1 = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: d1)
            let path = "/api/v1/projects/\(project)/problems"
            let bad = try await api.request(.post, path, token: d1, json: ["kind": "weather", "description": "  ", "due_on": "2026-1-1", "status": "done"])
            #expect(Set(bad.errorFields) == ["kind", "description", "due_on", "status"])
            let early = try await api.request(.post, path, token: d1, json: ["kind": "other", "description": "x", "resolved_on": "2026-01-01"])
            #expect(early.errorFields == ["resolved_on"])
            let notDepartment = try await api.request(.post, path, token: d1, json: ["kind": "other", "description": "x", "department_id": api.fixture.district2.id])
            #expect(notDepartment.errorFields == ["department_id"])
            #expect(try await api.request(.post, path, token: d1, raw: "{,}").status == .badRequest)
            #expect(try await api.request(.post, path, json: ["kind": "other"]).status == .unauthorized)
            #expect(try await api.request(.get, "/api/v1/problems/999999", token: d1).status == .notFound)
        }
    }

    @Test func otherAgenciesCannotTouchProblems() async throws {
        try await APIHarness.run { api in
            let d1 = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: d1)
            let id = try #require(try await api.request(.post, "/api/v1/projects/\(project)/problems", token: d1,
                                                        json: ["kind": "funding", "description": "资金缺口"]).object["id"] as? Int)
            let d2 = try await api.signIn(api.fixture.district2, "editor")
            let agr = try await api.signIn(api.fixture.agriculture, "editor")
            for token in [d2, agr] {
                #expect(try await api.request(.get, "/api/v1/problems/\(id)", token: token).status == .notFound)
                #expect(try await api.request(.get, "/api/v1/projects/\(project)/problems", token: token).status == .notFound)
                #expect(try await api.request(.post, "/api/v1/projects/\(project)/problems", token: token, json: ["kind": "other", "description": "x"]).status == .notFound)
                #expect(try await api.request(.patch, "/api/v1/problems/\(id)", token: token, json: ["status": "resolved"], headers: ifMatch(1)).status == .notFound)
                #expect(try await api.request(.delete, "/api/v1/problems/\(id)", token: token, headers: ifMatch(1)).status == .notFound)
            }
            // the lead department sees the problem but it is not assigned to it
            let iit = try await api.signIn(api.fixture.industry, "editor")
            #expect(try await api.request(.get, "/api/v1/problems/\(id)", token: iit).status == .ok)
            #expect(try await api.request(.patch, "/api/v1/problems/\(id)", token: iit, json: ["status": "in_progress"], headers: ifMatch(1)).status == .forbidden)
            let county = try await api.signIn(api.fixture.county, "editor")
            #expect(try await api.request(.patch, "/api/v1/problems/\(id)", token: county, json: ["department_id": api.fixture.agriculture.id], headers: ifMatch(1)).status == .ok)
            #expect(try await api.request(.get, "/api/v1/problems/\(id)", token: agr).status == .ok)
        }
    }
}
