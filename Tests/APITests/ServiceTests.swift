import Foundation
import HTTPTypes
import Testing
import TestSupport

/// Service responsibility (包保): a major project's county leader and department commissioner.
@Suite struct ServiceTests {
    @Test func countyEditorsSetAndReplaceTheLeaderAndCommissioner() async throws {
        try await Loop.run { api in
            // setup
            let county = try await api.signIn(api.fixture.county, "editor")
            let leader = try await api.userID(county)
            let commissioner = try await api.userID(try await api.signIn(api.fixture.agriculture, "editor"))
            let project = try api.majorProject("S-1", district: api.fixture.district1, lead: api.fixture.industry)
            let path = "/api/v1/projects/\(project)/service"
            // MUT
            let created = try await api.request(.put, path, token: county, json: ["leader_user_id": leader, "commissioner_user_id": commissioner])
            // validate
            #expect(created.status == .created)
            #expect(created.headers[.eTag] == "\"1\"")
            let named = try #require(created.object["commissioner"] as? [String: Any])
            #expect(named["display_name"] as? String == "农业农村局 editor")
            #expect((named["agency"] as? [String: Any])?["code"] as? String == "AGR")
            #expect(try await api.request(.put, path, token: county, json: ["leader_user_id": leader, "commissioner_user_id": nil as Int?])
                .status == .preconditionRequired)
            let replaced = try await api.request(.put, path, token: county, json: ["leader_user_id": leader, "commissioner_user_id": nil as Int?],
                                                 headers: ifMatch(1))
            #expect(replaced.status == .ok)
            #expect(replaced.object["commissioner"] is NSNull)
            #expect(try await api.request(.put, path, token: county, json: ["leader_user_id": leader, "commissioner_user_id": nil as Int?],
                                          headers: ifMatch(1)).status == .preconditionFailed)
        }
    }

    @Test func theLeaderMustBeACountyUserAndTheCommissionerADepartmentUser() async throws {
        try await Loop.run { api in
            let county = try await api.signIn(api.fixture.county, "editor")
            let district = try await api.userID(try await api.signIn(api.fixture.district1, "editor"))
            let project = try api.majorProject("S-2", district: api.fixture.district1, lead: api.fixture.industry)
            // MUT
            let wrong = try await api.request(.put, "/api/v1/projects/\(project)/service", token: county,
                                              json: ["leader_user_id": district, "commissioner_user_id": district])
            // validate
            #expect(wrong.status == .unprocessableContent)
            #expect(Set(wrong.errorFields) == ["leader_user_id", "commissioner_user_id"])
        }
    }

    @Test func onlyCountyEditorsWriteTheService() async throws {
        try await Loop.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let project = try api.majorProject("S-3", district: api.fixture.district1, lead: api.fixture.industry)
            let response = try await api.request(.put, "/api/v1/projects/\(project)/service", token: district,
                                                 json: ["leader_user_id": nil as Int?, "commissioner_user_id": nil as Int?])
            #expect(response.status == .forbidden)
            #expect(try await api.request(.get, "/api/v1/projects/\(project)/service", token: district).status == .ok)
        }
    }

    @Test func theCommissionersDepartmentSeesTheProject() async throws {
        try await Loop.run { api in
            // setup: AGR neither leads nor locates the project
            let county = try await api.signIn(api.fixture.county, "editor")
            let agriculture = try await api.signIn(api.fixture.agriculture, "editor")
            let project = try api.majorProject("S-4", district: api.fixture.district1, lead: api.fixture.industry)
            try api.report(project, months: 1...2, amount: 80)
            #expect(try await api.request(.get, "/api/v1/projects/\(project)", token: agriculture).status == .notFound)
            // MUT
            let commissioner = try await api.userID(agriculture)
            _ = try await api.request(.put, "/api/v1/projects/\(project)/service", token: county,
                                      json: ["leader_user_id": nil as Int?, "commissioner_user_id": commissioner])
            // validate: as it sees projects it leads, with their reports
            #expect(try await api.request(.get, "/api/v1/projects/\(project)", token: agriculture).status == .ok)
            #expect(try await api.request(.get, "/api/v1/projects/\(project)/reports", token: agriculture).object["total"] as? Int == 2)
            let other = try await api.signIn(api.fixture.drc, "editor")
            #expect(try await api.request(.get, "/api/v1/projects/\(project)", token: other).status == .notFound)
        }
    }

    @Test func myProjectsListTheirOpenProblemsAndPlanRatio() async throws {
        try await Loop.run { api in
            let county = try await api.signIn(api.fixture.county, "editor")
            let agriculture = try await api.signIn(api.fixture.agriculture, "editor")
            let project = try api.majorProject("S-5", district: api.fixture.district1, lead: api.fixture.industry)
            try api.report(project, months: 1...11, amount: 50)
            try api.sql("""
                INSERT INTO app.problems (project_id, kind, description, due_on)
                VALUES (\(Int64(project)), 'land', '用地未落实', '2026-11-30'), (\(Int64(project)), 'funding', '资金缺口', '2026-12-31')
                """)
            let leader = try await api.userID(county)
            _ = try await api.request(.put, "/api/v1/projects/\(project)/service", token: county,
                                      json: ["leader_user_id": leader, "commissioner_user_id": try await api.userID(agriculture)])
            // MUT
            let mine = try await api.request(.get, "/api/v1/service/mine", token: agriculture)
            // validate
            #expect(mine.status == .ok)
            #expect(mine.object["total"] as? Int == 1)
            let row = try #require(mine.items.first)
            #expect(row["role"] as? String == "commissioner")
            #expect(row["open_problems"] as? Int == 2)
            #expect(row["overdue_problems"] as? Int == 1)
            #expect((row["ratio_to_date"] as? NSNumber)?.doubleValue == 0.5)
            #expect(row["behind"] as? Bool == true)
            let led = try await api.request(.get, "/api/v1/service/mine", token: county).items
            #expect(led.first?["role"] as? String == "leader")
            let nobody = try await api.request(.get, "/api/v1/service/mine", token: try await api.signIn(api.fixture.drc, "editor"))
            #expect(nobody.object["total"] as? Int == 0)
        }
    }

    @Test func theCommissionerIsToldOfEveryProblemRaised() async throws {
        try await Loop.run { api in
            // setup
            let county = try await api.signIn(api.fixture.county, "editor")
            let agriculture = try await api.signIn(api.fixture.agriculture, "editor")
            let project = try api.majorProject("S-6", district: api.fixture.district1, lead: api.fixture.industry)
            _ = try await api.request(.put, "/api/v1/projects/\(project)/service", token: county,
                                      json: ["leader_user_id": nil as Int?, "commissioner_user_id": try await api.userID(agriculture)])
            // MUT
            let raised = try await api.request(.post, "/api/v1/projects/\(project)/problems", token: county,
                                               json: ["kind": "land", "description": "用地报批滞后", "due_on": "2026-12-31"])
            // validate
            let id = try #require(raised.object["id"] as? Int)
            let told = try await api.request(.get, "/api/v1/notifications", token: agriculture).items
            let notice = try #require(told.first { $0["kind"] as? String == "problem_raised" })
            let subject = notice["subject"] as? [String: Any]
            #expect(subject?["type"] as? String == "problem" && subject?["id"] as? Int == id)
            #expect(subject?["project_id"] as? Int == Int(project), "the console links a problem's notice to its project")
            let others = try await api.request(.get, "/api/v1/notifications", token: try await api.signIn(api.fixture.drc, "editor")).items
            #expect(!others.contains { $0["kind"] as? String == "problem_raised" })
            // no longer its commissioner, the department keeps the message but no longer learns the project
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/service", token: county,
                                          json: ["leader_user_id": nil as Int?, "commissioner_user_id": nil as Int?], headers: ifMatch(1)).status == .ok)
            let kept = try await api.request(.get, "/api/v1/notifications", token: agriculture).items.first { $0["id"] as? Int == notice["id"] as? Int }
            #expect((kept?["subject"] as? [String: Any])?["project_id"] is NSNull)
        }
    }
}
