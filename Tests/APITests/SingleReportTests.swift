import Foundation
import HTTPTypes
import Hummingbird
import Testing
import TestSupport

/// `GET /projects/{id}/reports/{month}`: the one report, with its version as ETag.
@Suite struct SingleReportTests {
    @Test func theReportIsAnsweredWithItsVersionAsETag() async throws {
        try await APIHarness.run { api in
            // setup
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let path = "/api/v1/projects/\(project)/reports/2026-03"
            _ = try await api.request(.put, path, token: token, json: ["investment_completed": 12.5, "progress": "主体施工"])
            _ = try await api.request(.put, path, token: token, json: ["investment_completed": 13], headers: ifMatch(1))
            // MUT
            let read = try await api.request(.get, path, token: token)
            // validate
            #expect(read.status == .ok)
            #expect(read.headers[.eTag] == "\"2\"")
            #expect(read.object["version"] as? Int == 2 && read.object["month"] as? String == "2026-03")
            #expect(read.jsonNumber("investment_completed") == 13 && read.object["status"] as? String == "submitted")
        }
    }

    @Test func aMonthWithoutReportIs404() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            #expect(try await api.request(.get, "/api/v1/projects/\(project)/reports/2026-04", token: token).status == .notFound)
        }
    }

    @Test func anotherDistrictsReportIs404() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let other = try await api.signIn(api.fixture.district2, "editor")
            let project = try await api.createProject(token: token)
            let path = "/api/v1/projects/\(project)/reports/2026-03"
            _ = try await api.request(.put, path, token: token, json: ["investment_completed": 1])
            #expect(try await api.request(.get, path, token: other).status == .notFound)
        }
    }

    @Test func aMalformedMonthIs422() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            #expect(try await api.request(.get, "/api/v1/projects/\(project)/reports/2026-3", token: token).status == .unprocessableContent)
        }
    }
}
