import Foundation
import HTTPTypes
import Testing
import TestSupport

/// The open-data package: what a project is called there never changes once published.
@Suite struct OC4IDSTests {
    /// The package's projects by their `id`.
    static func projects(_ api: APIClient, token: String) async throws -> [[String: Any]] {
        let response = try await api.request(.get, "/api/v1/oc4ids", token: token)
        #expect(response.status == .ok)
        return response.object["projects"] as? [[String: Any]] ?? []
    }

    @Test func anIDStaysWhenTheStageChangesAndANationalCodeIsAdded() async throws {
        try await APIHarness.run { api in
            // setup: a preliminary project without a national code, published
            let district = try await api.signIn(api.fixture.district1, "editor")
            let county = try await api.signIn(api.fixture.county, "editor")
            let id = try await api.createProject(token: district, code: "P-001")
            let before = try #require(try await Self.projects(api, token: district).first)
            let published = try #require(before["id"] as? String)
            // MUT: the project starts, with its national code
            let patch = try await api.request(.patch, "/api/v1/projects/\(id)", token: county, json: [
                "stage": "new_start", "national_code": NationalCodeTests.code, "actual_start": "2026-03-01",
            ], headers: ifMatch(1))
            #expect(patch.status == .ok, "\(String(buffer: patch.body))")
            // validate
            let after = try #require(try await Self.projects(api, token: district).first)
            #expect(after["id"] as? String == published)
            let identifiers = after["identifiers"] as? [[String: Any]] ?? []
            #expect(identifiers.contains { $0["id"] as? String == NationalCodeTests.code && $0["scheme"] as? String == "CN-TZXM" })
            #expect(after["status"] as? String == "implementation")
        }
    }
}
