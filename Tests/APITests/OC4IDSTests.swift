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

    @Test func anIDStaysWhenTheCodeIsChanged() async throws {
        try await APIHarness.run { api in
            // setup: a published project
            let district = try await api.signIn(api.fixture.district1, "editor")
            let id = try await api.createProject(token: district, code: "P-002")
            let published = try #require(try await Self.projects(api, token: district).first?["id"] as? String)
            // MUT: its code changes
            let patch = try await api.request(.patch, "/api/v1/projects/\(id)", token: district, json: ["code": "P-002-A"], headers: ifMatch(1))
            #expect(patch.status == .ok, "\(String(buffer: patch.body))")
            // validate: the same id, the new code among its identifiers
            let after = try #require(try await Self.projects(api, token: district).first)
            #expect(published.hasSuffix("-P-002") && after["id"] as? String == published)
            let identifiers = after["identifiers"] as? [[String: Any]] ?? []
            #expect(identifiers.contains { $0["id"] as? String == "P-002-A" })
        }
    }

    @Test func aProjectCreatedWithAGivenUpCodeGetsAnIDOfItsOwn() async throws {
        try await APIHarness.run { api in
            // setup: a project renamed away from P-003
            let district = try await api.signIn(api.fixture.district1, "editor")
            let first = try await api.createProject(token: district, code: "P-003")
            #expect(try await api.request(.patch, "/api/v1/projects/\(first)", token: district, json: ["code": "P-003-A"],
                                          headers: ifMatch(1)).status == .ok)
            // MUT: a new project takes P-003
            let second = try await api.createProject(token: district, code: "P-003")
            // validate: two different ids, the first one unchanged
            let ids = try await Self.projects(api, token: district).compactMap { $0["id"] as? String }
            #expect(ids.count == 2 && Set(ids).count == 2)
            #expect(ids.first?.hasSuffix("-P-003") == true && ids.last?.hasSuffix("-P-003-\(second)") == true)
        }
    }
}
