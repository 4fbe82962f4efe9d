import Foundation
import HTTPTypes
import Testing
import TestSupport

extension APIClient {
    /// Creates a project as `token` (a district or county editor) and returns its id.
    func createProject(token: String, code: String = "P-001", district: CountyFixture.Agency? = nil, category: String = "industry") async throws -> Int {
        let response = try await request(.post, "/api/v1/projects", token: token, json: [
            "code": code, "name": "项目 \(code)", "category": category, "stage": "preliminary", "major": true,
            "district_id": (district ?? fixture.district1).id, "total_investment": 10000,
        ])
        #expect(response.status == .created)
        return try #require(response.object["id"] as? Int)
    }

    /// Tokens for every agency and role of the fixture, keyed `<code>-<role>` in lower case.
    func signInAll(_ agencies: [CountyFixture.Agency], roles: [String] = ["editor", "viewer"]) async throws -> [String: String] {
        var tokens: [String: String] = [:]
        for agency in agencies {
            for role in roles { tokens[CountyFixture.username(agency, role)] = try await signIn(agency, role) }
        }
        return tokens
    }
}

/// `If-Match` for a version.
func ifMatch(_ version: Int) -> HTTPFields { [.ifMatch: "\"\(version)\""] }

/// `fields` with `Accept-Language: en`, for a check of the English words of a problem.
func english(_ fields: HTTPFields = [:]) -> HTTPFields {
    var fields = fields
    fields[.acceptLanguage] = "en"
    return fields
}
