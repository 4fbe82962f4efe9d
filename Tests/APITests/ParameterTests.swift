import Foundation
import HTTPTypes
import Testing
import TestSupport

/// Path and query parameters are read by one parser (`Parameters`): each kind of value answers a
/// bad or missing value with the same 422 code, naming the parameter, wherever it is read.
@Suite struct ParameterTests {
    /// Every `(method, path, field, code)` answered 422 with that one field error.
    static func expect422(_ api: APIClient, token: String, _ cases: [(HTTPRequest.Method, String, String, String)]) async throws {
        for (method, path, field, code) in cases {
            // MUT
            let response = try await api.request(method, path, token: token, json: [:] as [String: Any])
            // validate
            #expect(response.status == .unprocessableContent, "\(path)")
            #expect(response.errorFields == [field] && response.problemCodes == [code], "\(path): \(response.problemCodes)")
        }
    }

    @Test func pathParametersOfEveryKind() async throws {
        try await APIHarness.run { api in
            // setup
            let token = try await api.signIn(api.fixture.county, "editor")
            // MUT / validate
            try await Self.expect422(api, token: token, [
                (.get, "/api/v1/projects/0", "id", "not_an_id"),
                (.get, "/api/v1/projects/x/reports", "id", "not_an_id"),
                (.get, "/api/v1/projects/1/reports/2026-13", "month", "not_a_month"),
                (.get, "/api/v1/projects/1/plans/1999", "year", "not_a_year"),
                (.get, "/api/v1/schemes/20x6", "year", "not_a_year"),
                (.put, "/api/v1/category-leads/roads", "category", "not_a_choice"),
            ])
        }
    }

    @Test func queryParametersOfEveryKind() async throws {
        try await APIHarness.run { api in
            // setup
            let token = try await api.signIn(api.fixture.county, "editor")
            // MUT / validate
            try await Self.expect422(api, token: token, [
                (.get, "/api/v1/projects?district_id=-3", "district_id", "not_an_id"),
                (.get, "/api/v1/users?agency_id=abc", "agency_id", "not_an_id"),
                (.get, "/api/v1/plans", "year", "required_year"),
                (.get, "/api/v1/plans?year=2026&behind=yes", "behind", "not_a_boolean"),
                (.get, "/api/v1/notifications?unread=1", "unread", "not_a_boolean"),
                (.get, "/api/v1/warnings?year=2026&as_of=2026-02-30", "as_of", "not_a_date"),
                (.get, "/api/v1/rankings?year=2026", "period", "required_choice"),
                (.get, "/api/v1/reviews?month=2026-1", "month", "not_a_month"),
                (.get, "/api/v1/projects?limit=501", "limit", "integer_out_of_range"),
                (.post, "/api/v1/imports/monthly-reports", "month", "required_month"),
                (.post, "/api/v1/imports/projects?dry_run=maybe", "dry_run", "not_a_boolean"),
            ])
        }
    }
}
