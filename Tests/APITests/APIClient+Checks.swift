import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

extension APIClient {
    /// Signs in as `<code>-<role>` of the fixture (`"D1", "editor"`).
    func signIn(code: String, _ role: String) async throws -> String {
        let agency = try #require(fixture.agencies.first { $0.code == code })
        return try await signIn(agency, role)
    }

    /// Checks the answers every write shares: 401 without a token, 400 for malformed JSON, 422
    /// naming a well-formed number no decimal holds, 415 for a body that is not JSON.
    func expectBodyErrors(_ method: HTTPRequest.Method, _ path: String, token: String, headers: HTTPFields = [:]) async throws {
        #expect(try await request(method, path, json: [String: Any]()).status == .unauthorized, "401 \(path)")
        #expect(try await request(method, path, token: token, raw: "{\"a\":", headers: headers).status == .badRequest, "400 \(path)")
        let huge = try await request(method, path, token: token, raw: "{\"a\": 1e200}", headers: headers)
        #expect(huge.status == .unprocessableContent && huge.errorFields == ["a"] && huge.problemCodes == ["number_out_of_range"],
                "422 \(path) 1e200")
        var text = headers
        text[.contentType] = "text/plain"
        #expect(try await request(method, path, token: token, raw: "x", headers: text).status == .unsupportedMediaType, "415 \(path)")
    }
}

extension TestResponse {
    /// A member of the body as a Double (JSON numbers).
    func jsonNumber(_ key: String) -> Double? { (object[key] as? NSNumber)?.doubleValue }

    /// A member of the body as an integer.
    func jsonInt(_ key: String) -> Int? { object[key] as? Int }

    /// The messages in a problem's `errors`.
    var problemMessages: [String] {
        (object["errors"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
    }

    /// The catalogue codes in a problem's `errors`.
    var problemCodes: [String] {
        (object["errors"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }
}

extension APIClient {
    /// Sends the same request from `count` concurrent clients; returns the statuses, sorted.
    func concurrently(
        _ count: Int, _ method: HTTPRequest.Method, _ path: String, token: String, json: [String: Any], headers: HTTPFields = [:]
    ) async throws -> [Int] {
        let body = try JSONSerialization.data(withJSONObject: json)
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<count {
                group.addTask {
                    let object = try JSONSerialization.jsonObject(with: body)
                    return Int(try await request(method, path, token: token, json: object, headers: headers).status.code)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }.sorted()
        }
    }
}
