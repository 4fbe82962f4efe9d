import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// HTTP as RFC 9110 has it, for every route of the document: HEAD wherever GET is, 405 with
/// `Allow` for any other method on a known path, `WWW-Authenticate` on 401.
@Suite struct HTTPSemanticsTests {
    /// The served document's paths and their methods.
    func documentedPaths(_ api: APIClient) async throws -> [String: Set<String>] {
        try await document(api).mapValues { Set($0.keys) }
    }

    func document(_ api: APIClient) async throws -> [String: [String: Any]] {
        let served = try await api.request(.get, "/api/v1/openapi.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: served.body)) as? [String: Any])
        return try #require(document["paths"] as? [String: [String: Any]])
    }

    /// Whether a GET answers an endless `text/event-stream` (its body is never complete).
    func isStream(_ operation: Any?) -> Bool {
        let responses = (operation as? [String: Any])?["responses"] as? [String: [String: Any]]
        return (responses?["200"]?["content"] as? [String: Any])?["text/event-stream"] != nil
    }

    /// A concrete path for a template: each parameter filled with a value of its kind.
    func concrete(_ template: String) -> String {
        "/" + template.split(separator: "/").map { segment -> String in
            switch segment {
            case "{year}": "2026"
            case "{month}": "2026-03"
            case "{category}": "industry"
            case "{item}": "heating"
            case _ where segment.hasPrefix("{"): "1"
            default: String(segment)
            }
        }.joined(separator: "/")
    }

    @Test func headAnswersEveryGetRouteWithoutABody() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.county, "editor")
            let id = try await api.createProject(token: token)
            var checked = 0
            for (template, operations) in try await document(api) where operations["get"] != nil && !isStream(operations["get"]) {
                let path = concrete(template)
                let get = try await api.request(.get, path, token: token)
                let head = try await api.request(.head, path, token: token)
                #expect(head.status == get.status, "HEAD \(path): \(head.status), GET \(get.status)")
                #expect(head.body.readableBytes == 0, "HEAD \(path) has a body")
                #expect(head.headers[.contentType] == get.headers[.contentType], "HEAD \(path)")
                checked += 1
            }
            #expect(checked > 30)
            let project = try await api.request(.head, "/api/v1/projects/\(id)", token: token)
            #expect(project.status == .ok && project.headers[.eTag] == "\"1\"")
            #expect(try await api.request(.head, "/health/live").status == .ok)
        }
    }

    @Test func otherMethodsOnEveryKnownPathAre405WithAllow() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.county, "editor")
            let order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
            for (template, methods) in try await documentedPaths(api) {
                var allowed = Set(methods.map { $0.uppercased() })
                if allowed.contains("GET") { allowed.insert("HEAD") }
                let allow = order.filter(allowed.contains).joined(separator: ", ")
                for method in ["TRACE", "OPTIONS", "PROPFIND", "BREW"] + order where !allowed.contains(method) {
                    let response = try await api.request(HTTPRequest.Method(method)!, concrete(template), token: token)
                    #expect(response.status == .methodNotAllowed, "\(method) \(template): \(response.status)")
                    #expect(response.headers[.allow] == allow, "\(method) \(template): \(response.headers[.allow] ?? "no Allow")")
                }
            }
            // a literal segment wins over a parameter, as in the router
            let publish = try await api.request(.get, "/api/v1/assessments/1/publish", token: token)
            #expect(publish.status == .methodNotAllowed && publish.headers[.allow] == "POST")
            #expect(try await api.request(.init("TRACE")!, "/api/v1/no-such-thing", token: token).status == .notFound)
        }
    }

    @Test func unauthorizedNamesTheBearerScheme() async throws {
        try await APIHarness.run { api in
            for response in [
                try await api.request(.get, "/api/v1/projects"),
                try await api.request(.get, "/api/v1/projects", token: "not-a-token"),
                try await api.request(.post, "/api/v1/sessions", json: ["username": "d1-editor", "password": "wrong"]),
            ] {
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
        }
    }

    @Test func aMalformedMonthInAnyPathIs422() async throws {
        try await APIHarness.run { api in
            let county = try await api.signIn(api.fixture.county, "editor")
            let project = try await api.createProject(token: county)
            let district = api.fixture.district1.id
            for month in ["2026-13", "2026-3", "1999-12", "march"] {
                for (method, path) in [(HTTPRequest.Method.get, "/api/v1/statistics/fai/\(district)/\(month)"),
                                       (.put, "/api/v1/statistics/fai/\(district)/\(month)"),
                                       (.put, "/api/v1/projects/\(project)/reports/\(month)")] {
                    let response = try await api.request(method, path, token: county, json: ["amount": 1])
                    #expect(response.status == .unprocessableContent && response.errorFields == ["month"], "\(method) \(path)")
                }
            }
        }
    }
}
