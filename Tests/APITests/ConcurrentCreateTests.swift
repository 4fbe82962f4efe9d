import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Clients that create the same resource at once: one wins (201); every other answers as a
/// request sent after it would, 428 with the current version, never a unique-key 409.
@Suite struct ConcurrentCreateTests {
    /// Sends the same PUT from `count` clients at once; returns each answer's status and `current_version`.
    func race(_ api: APIClient, _ count: Int, _ path: String, token: String, json: [String: Any]) async throws -> [(Int, Int?)] {
        let body = try JSONSerialization.data(withJSONObject: json)
        return try await withThrowingTaskGroup(of: (Int, Int?).self) { group in
            for _ in 0..<count {
                group.addTask {
                    let response = try await api.request(.put, path, token: token, json: try JSONSerialization.jsonObject(with: body))
                    return (Int(response.status.code), response.object["current_version"] as? Int)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func racingCreatesOfAMonthsReportAnswerOne201AndOtherwise428() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            // MUT: 32 clients create March's report at once
            let answers = try await race(api, 32, "/api/v1/projects/\(project)/reports/2026-03", token: token, json: MonthlyReportTests.report)
            // validation
            #expect(answers.filter { $0.0 == 201 }.count == 1)
            #expect(answers.filter { $0.0 == 428 }.count == 31, "\(answers.map(\.0).sorted())")
            #expect(answers.filter { $0.0 == 428 }.allSatisfy { $0.1 == 1 }, "each 428 names the current version")
        }
    }

    @Test func racingCreatesOfOtherPutResourcesAnswerTheSameWay() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(api.fixture.county, "editor")
            let district = api.fixture.district1.id
            for (path, json) in [
                ("/api/v1/targets/2026/\(district)", ["fai": 100] as [String: Any]),
                ("/api/v1/statistics/fai/\(district)/2026-02", ["amount": 10]),
                ("/api/v1/schemes/2027", ["cap": 1.3]),
                ("/api/v1/land/quotas/2026", ["quota_mu": 300, "reserved_mu": 30]),
            ] {
                let answers = try await race(api, 16, path, token: county, json: json)
                #expect(answers.filter { $0.0 == 201 }.count == 1, "\(path)")
                #expect(answers.filter { $0.0 == 428 && $0.1 == 1 }.count == 15, "\(path): \(answers.map(\.0).sorted())")
            }
        }
    }
}
