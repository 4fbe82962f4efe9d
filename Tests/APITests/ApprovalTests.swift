import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct ApprovalTests {
    @Test func departmentRecordsApprovalsWithProcessingDays() async throws {
        try await APIHarness.run { api in
            let d1 = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: d1)   // industry: led by IIT
            let iit = try await api.signIn(api.fixture.industry, "editor")
            // MUT: the lead department records its own approval
            let created = try await api.request(.post, "/api/v1/projects/\(project)/approvals", token: iit, json: [
                "kind": "filing", "department_id": api.fixture.industry.id, "applied_on": "2026-01-10",
            ])
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? Int)
            #expect(created.headers[.location] == "/api/v1/approvals/\(id)")
            #expect(created.object["status"] as? String == "pending")
            #expect(created.object["processing_days"] is NSNull)
            // deciding it reports the processing days
            let decided = try await api.request(.patch, "/api/v1/approvals/\(id)", token: iit,
                                                json: ["status": "approved", "decided_on": "2026-02-09"], headers: ifMatch(1))
            #expect(decided.status == .ok)
            #expect(decided.object["processing_days"] as? Int == 30)
            #expect(try await api.request(.get, "/api/v1/approvals/\(id)", token: d1).object["processing_days"] as? Int == 30)
            let list = try await api.request(.get, "/api/v1/projects/\(project)/approvals", token: d1)
            #expect(list.object["total"] as? Int == 1)
            #expect(try await api.request(.patch, "/api/v1/approvals/\(id)", token: iit, json: ["status": "approved"]).status == .preconditionRequired)
            #expect(try await api.request(.patch, "/api/v1/approvals/\(id)", token: iit, json: ["status": "approved"], headers: ifMatch(1)).status == .preconditionFailed)
            // the department may not hand the approval to another department
            let handOver = try await api.request(.patch, "/api/v1/approvals/\(id)", token: iit, json: ["department_id": api.fixture.drc.id], headers: ifMatch(2))
            #expect(handOver.status == .forbidden)
            #expect(try await api.request(.delete, "/api/v1/approvals/\(id)", token: iit, headers: ifMatch(2)).status == .noContent)
        }
    }

    @Test func invalidApprovalsAre422() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(api.fixture.county, "editor")
            let project = try await api.createProject(token: county)
            let path = "/api/v1/projects/\(project)/approvals"
            let bad = try await api.request(.post, path, token: county, json: ["kind": "stamp", "applied_on": "2026-02-30", "status": "maybe"])
            #expect(Set(bad.errorFields) == ["kind", "department_id", "applied_on", "status"])
            let backwards = try await api.request(.post, path, token: county, json: [
                "kind": "eia", "department_id": api.fixture.drc.id, "applied_on": "2026-03-01", "decided_on": "2026-02-01", "status": "approved",
            ])
            #expect(backwards.errorFields == ["decided_on"])
            let undated = try await api.request(.post, path, token: county, json: ["kind": "eia", "department_id": api.fixture.drc.id, "status": "rejected"])
            #expect(undated.errorFields == ["decided_on"])
            // the handling department must be a department
            let district = try await api.request(.post, path, token: county, json: ["kind": "eia", "department_id": api.fixture.district1.id])
            #expect(district.status == .unprocessableContent)
            #expect(district.errorFields == ["department_id"])
            #expect(try await api.request(.post, path, token: county, raw: "[").status == .badRequest)
            #expect(try await api.request(.post, path, json: ["kind": "eia"]).status == .unauthorized)
        }
    }

    @Test func districtsDoNotWriteApprovals() async throws {
        try await APIHarness.run { api in
            let d1 = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: d1)   // led by IIT, not by AGR
            let county = try await api.signIn(api.fixture.county, "editor")
            let body: [String: Any] = ["kind": "land", "department_id": api.fixture.agriculture.id, "applied_on": "2026-01-01"]
            // the district editor sees the project but may not record approvals
            #expect(try await api.request(.post, "/api/v1/projects/\(project)/approvals", token: d1, json: body).status == .forbidden)
            // a department outside the remit does not see the project yet
            let agr = try await api.signIn(api.fixture.agriculture, "editor")
            #expect(try await api.request(.post, "/api/v1/projects/\(project)/approvals", token: agr, json: body).status == .notFound)
            let created = try await api.request(.post, "/api/v1/projects/\(project)/approvals", token: county, json: body)
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? Int)
            // the district reads it but may not change or delete it
            #expect(try await api.request(.get, "/api/v1/approvals/\(id)", token: d1).status == .ok)
            #expect(try await api.request(.patch, "/api/v1/approvals/\(id)", token: d1, json: ["status": "withdrawn"], headers: ifMatch(1)).status == .forbidden)
            #expect(try await api.request(.delete, "/api/v1/approvals/\(id)", token: d1, headers: ifMatch(1)).status == .forbidden)
            // the assigned department now sees the project and works the approval; its viewer may not
            #expect(try await api.request(.get, "/api/v1/projects/\(project)", token: agr).status == .ok)
            let agrViewer = try await api.signIn(api.fixture.agriculture, "viewer")
            #expect(try await api.request(.patch, "/api/v1/approvals/\(id)", token: agrViewer, json: ["status": "withdrawn"], headers: ifMatch(1)).status == .forbidden)
            #expect(try await api.request(.patch, "/api/v1/approvals/\(id)", token: agr, json: ["status": "withdrawn"], headers: ifMatch(1)).status == .ok)
            // another district and another department see nothing
            let d2 = try await api.signIn(api.fixture.district2, "editor")
            #expect(try await api.request(.get, "/api/v1/approvals/\(id)", token: d2).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/projects/\(project)/approvals", token: d2).status == .notFound)
            #expect(try await api.request(.patch, "/api/v1/approvals/\(id)", token: d2, json: ["status": "withdrawn"], headers: ifMatch(2)).status == .notFound)
            let drc = try await api.signIn(api.fixture.drc, "editor")
            #expect(try await api.request(.get, "/api/v1/approvals/\(id)", token: drc).status == .notFound)
        }
    }
}
