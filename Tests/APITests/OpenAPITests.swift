import API
import Campaign
import Foundation
import HTTPTypes
import HummingbirdTesting
import Postgres
import Prometheus
import Store
import Testing
import TestSupport

/// The served OpenAPI document matches the router's route table and real responses.
@Suite struct OpenAPITests {
    func document(_ api: APIClient) async throws -> [String: Any] {
        let response = try await api.request(.get, "/api/v1/openapi.json")
        #expect(response.status == .ok)
        return response.object
    }

    @Test func everyRouteIsDocumentedAndNothingElse() async throws {
        try await APIHarness.run { api in
            let document = try await document(api)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            let dependencies = AppDependencies(
                database: Database(pool: api.database.makePool(maxConnections: 1)),
                migrator: Migrator(migrations: []), metrics: PrometheusCollectorRegistry()
            )
            let routes = apiRoutes(dependencies)
            let routed = Set(routes.map { "\($0.method.rawValue) \($0.openAPIPath)" })
            #expect(documented == routed)
            for route in routes where route.path != "openapi.json" {
                #expect(route.response != nil || route.successStatus == 204 || !route.rawResponseTypes.isEmpty,
                        "\(route.method) \(route.path) has no documented response")
            }
        }
    }

    /// Path ids are positive, years 2000-2100, every change or deletion names its `If-Match`, and
    /// request bodies take no field the server does not know.
    @Test func parametersStateWhatTheServerChecks() async throws {
        try await APIHarness.run { api in
            let document = try await document(api)
            let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
            var bodies = 0
            for operation in paths.values.flatMap(\.values) {
                guard let body = operation["requestBody"] as? [String: Any],
                      let content = body["content"] as? [String: [String: [String: String]]],
                      let reference = content["application/json"]?["schema"]?["$ref"] else { continue }
                let name = String(reference.split(separator: "/").last ?? "")
                #expect(schemas[name]?["additionalProperties"] as? Bool == false, "\(name)")
                bodies += 1
            }
            #expect(bodies >= 25, "every body-taking route refers to a named schema")
            for (path, operations) in paths {
                for (method, operation) in operations {
                    let parameters = operation["parameters"] as? [[String: Any]] ?? []
                    for parameter in parameters where parameter["in"] as? String == "path" {
                        let name = try #require(parameter["name"] as? String)
                        let schema = try #require(parameter["schema"] as? [String: Any])
                        if name == "id" || name.hasSuffix("_id") {
                            #expect(schema["minimum"] as? Int == 1 && schema["maximum"] as? Int64 == Int64.max, "\(method) \(path) \(name)")
                        }
                        if name == "year" { #expect(schema["minimum"] as? Int == 2000 && schema["maximum"] as? Int == 2100) }
                    }
                    let ifMatch = parameters.first { $0["name"] as? String == "If-Match" }
                    switch method {
                    case "patch": #expect(ifMatch?["required"] as? Bool == true, "\(method) \(path)")
                    case "delete" where path.contains("{"): #expect(ifMatch?["required"] as? Bool == true, "\(method) \(path)")
                    case "put": #expect(ifMatch?["required"] as? Bool == false, "\(method) \(path)")
                    case "post" where path.hasSuffix("/review") || path.hasSuffix("/close") || path.hasSuffix("/issue"):
                        #expect(ifMatch?["required"] as? Bool == true, "\(method) \(path)")
                    default: #expect(ifMatch == nil, "\(method) \(path)")
                    }
                }
            }
        }
    }

    /// A documented path asked with another method answers 405 and what it allows; an unknown
    /// path stays 404.
    @Test func otherMethodsOnKnownPathsAreNotAllowed() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let put = try await api.request(.put, "/api/v1/projects", token: token, json: [String: Any]())
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers[.allow] == "GET, HEAD, POST")
            #expect(put.object["code"] as? String == "method_not_allowed")
            let delete = try await api.request(.delete, "/api/v1/openapi.json")
            #expect(delete.status == .methodNotAllowed && delete.headers[.allow] == "GET, HEAD")
            #expect(try await api.request(.get, "/api/v1/no-such-thing", token: token).status == .notFound)
        }
    }

    /// Every list page takes `limit` and `offset`; every declared query parameter is one its
    /// handler reads and checks: a value of the wrong kind is a 422 naming it.
    @Test func everyQueryParameterIsDeclaredAndRead() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.county, "editor")
            let project = try await api.createProject(token: token)
            let paths = try #require(try await document(api)["paths"] as? [String: [String: [String: Any]]])
            var checked = 0
            for (template, operations) in paths {
                guard let get = operations["get"] else { continue }
                let query = (get["parameters"] as? [[String: Any]] ?? []).filter { $0["in"] as? String == "query" }
                let names = Set(query.compactMap { $0["name"] as? String })
                let response = (get["responses"] as? [String: [String: Any]])?["200"]
                let schema = ((response?["content"] as? [String: [String: Any]])?["application/json"]?["schema"] as? [String: Any])
                if (schema?["properties"] as? [String: Any])?.keys.contains("items") == true {
                    #expect(names.isSuperset(of: ["limit", "offset"]), "\(template) pages without declaring limit and offset")
                }
                let path = template.replacingOccurrences(of: "{id}", with: String(project))
                    .replacingOccurrences(of: "{year}", with: "2026").replacingOccurrences(of: "{agency_id}", with: String(api.fixture.district1.id))
                for parameter in query {
                    let name = try #require(parameter["name"] as? String)
                    let kind = (parameter["schema"] as? [String: Any])?["type"] as? String
                    let invalid = kind == "string" && (parameter["schema"] as? [String: Any])?["maxLength"] != nil
                        ? String(repeating: "x", count: 101) : "x-1"
                    let required = query.filter { $0["required"] as? Bool == true && $0["name"] as? String != name }
                        .map { "\($0["name"] as! String)=\(["period": "Q1", "month": "2026-03"][$0["name"] as! String] ?? "2026")" }
                    let url = path + "?" + (required + ["\(name)=\(invalid)"]).joined(separator: "&")
                    let answer = try await api.request(.get, url, token: token)
                    #expect(answer.status == .unprocessableContent && answer.errorFields == [name], "GET \(url): \(answer.status) \(answer.errorFields)")
                    checked += 1
                }
            }
            #expect(checked >= 30)
        }
    }

    @Test func sampleResponsesMatchTheirSchemas() async throws {
        try await APIHarness.run { api in
            let served = try await api.request(.get, "/api/v1/openapi.json")
            let document = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: served.body))
            guard case .object(let root) = document, case .object(let parts)? = root["components"],
                  case .object(let components)? = parts["schemas"] else {
                Issue.record("the document has no components.schemas")
                return
            }
            let validator = SchemaValidator(components: components)
            func check(_ response: TestResponse, _ schema: JSONValue) {
                let body = (try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))) ?? .null
                let problems = validator.errors(body, schema)
                #expect(problems.isEmpty, "\(problems)")
            }
            func check(_ response: TestResponse, _ schemaName: String) {
                check(response, ["$ref": .string("#/components/schemas/\(schemaName)")])
            }
            let signIn = try await api.request(.post, "/api/v1/sessions", json: ["username": "d1-editor", "password": CountyFixture.password])
            check(signIn, "Session")
            let token = try #require(signIn.object["token"] as? String)
            check(try await api.request(.get, "/api/v1/me", token: token), "User")
            let created = try await api.request(.post, "/api/v1/projects", token: token, json: [
                "code": "S-1", "name": "样本项目", "category": "services", "district_id": api.fixture.district1.id,
                "total_investment": 100.5, "planned_start": "2026-01-01", "park_id": api.fixture.park1,
            ])
            check(created, "Project")
            let id = try #require(created.object["id"] as? Int)
            check(try await api.request(.get, "/api/v1/projects/\(id)", token: token), "Project")
            check(try await api.request(.get, "/api/v1/projects", token: token), Schema.page(of: .ref("Project")).json)
            check(try await api.request(.post, "/api/v1/projects", token: token, json: ["code": 1]), "Problem")
        }
    }
}
