import API
import Assessment
import Campaign
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Store
import Testing
import TestSupport

/// Real responses of every documented route, on the seeded county, checked against the schema the
/// served OpenAPI document gives for that route and status.
@Suite struct OpenAPIResourceSampleTests {
    /// The served document's operations and a validator over its components; records which
    /// operations were sampled.
    final class DocumentedResponses: @unchecked Sendable {
        let paths: [String: JSONValue]
        let validator: SchemaValidator
        private(set) var sampled: Set<String> = []

        init(_ api: APIClient) async throws {
            let served = try await api.request(.get, "/api/v1/openapi.json")
            let document = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: served.body))
            guard case .object(let root) = document, case .object(let paths)? = root["paths"],
                  case .object(let parts)? = root["components"], case .object(let components)? = parts["schemas"] else {
                throw DocumentError()
            }
            self.paths = paths
            validator = SchemaValidator(components: components)
        }

        struct DocumentError: Error {}

        /// Every operation of the document as `METHOD /path`.
        var operations: Set<String> {
            Set(paths.flatMap { path, item -> [String] in
                guard case .object(let operations) = item else { return [] }
                return operations.keys.map { "\($0.uppercased()) \(path)" }
            })
        }

        /// Expects `response` to have `status` and a body valid under what the document says
        /// `method path` answers with that status (a problem for 4xx).
        func expect(
            _ response: TestResponse, _ status: HTTPResponse.Status, _ method: HTTPRequest.Method, _ path: String,
            sourceLocation: SourceLocation = #_sourceLocation
        ) {
            let operation = "\(method.rawValue) \(path)"
            sampled.insert(operation)
            #expect(response.status == status, "\(operation): \(response.status) \(String(buffer: response.body))", sourceLocation: sourceLocation)
            guard case .object(let item)? = paths[path], case .object(let op)? = item[method.rawValue.lowercased()],
                  case .object(let responses)? = op["responses"] else {
                Issue.record("\(operation) is not documented", sourceLocation: sourceLocation)
                return
            }
            let documented = responses[String(response.status.code)] ?? (response.status.code >= 400 ? responses["default"] : nil)
            guard case .object(let answer)? = documented else {
                Issue.record("\(operation) answered \(response.status.code), which is not documented", sourceLocation: sourceLocation)
                return
            }
            guard case .object(let content)? = answer["content"] else {
                #expect(response.body.readableBytes == 0, "\(operation) has a body but documents none", sourceLocation: sourceLocation)
                return
            }
            guard case .object(let media)? = content.values.first, let schema = media["schema"] else {
                Issue.record("\(operation): no schema for \(response.status.code)", sourceLocation: sourceLocation)
                return
            }
            let body = (try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))) ?? .null
            let problems = validator.errors(body, schema)
            #expect(problems.isEmpty, "\(operation) \(response.status.code): \(problems)", sourceLocation: sourceLocation)
        }
    }

    @Test func everyRouteAnswersWhatItDocuments() async throws {
        try await APIHarness.run { api in
            let docs = try await DocumentedResponses(api)
            let fixture = api.fixture
            let county = try await api.signIn(fixture.county, "editor")
            let district = try await api.signIn(fixture.district1, "editor")
            let department = try await api.signIn(fixture.drc, "editor")
            func json(_ response: TestResponse) -> [String: Any] { response.object }

            // Sessions and projects.
            let signIn = try await api.request(.post, "/api/v1/sessions", json: ["username": "d1-viewer", "password": CountyFixture.password])
            docs.expect(signIn, .created, .post, "/api/v1/sessions")
            let viewer = try #require(signIn.object["token"] as? String)
            docs.expect(try await api.request(.get, "/api/v1/me", token: viewer), .ok, .get, "/api/v1/me")
            docs.expect(try await api.request(.delete, "/api/v1/sessions/current", token: viewer), .noContent, .delete, "/api/v1/sessions/current")
            docs.expect(try await api.request(.post, "/api/v1/sessions", json: ["username": "d1-viewer", "password": "wrong"]),
                        .unauthorized, .post, "/api/v1/sessions")
            let project = try await api.request(.post, "/api/v1/projects", token: county, json: [
                "code": "OA-1", "name": "样本重大项目", "owner": "样本公司", "category": "industry", "stage": "preliminary", "major": true,
                "district_id": fixture.district1.id, "total_investment": 5000, "planned_start": "2026-01-15", "park_id": fixture.park1,
            ])
            docs.expect(project, .created, .post, "/api/v1/projects")
            let projectID = try #require(project.object["id"] as? Int)
            docs.expect(try await api.request(.get, "/api/v1/projects/\(projectID)", token: district), .ok, .get, "/api/v1/projects/{id}")
            docs.expect(try await api.request(.patch, "/api/v1/projects/\(projectID)", token: county, json: ["industry": "装备制造"],
                                              headers: ifMatchHeader(1)), .ok, .patch, "/api/v1/projects/{id}")
            docs.expect(try await api.request(.get, "/api/v1/projects?limit=5", token: district), .ok, .get, "/api/v1/projects")
            docs.expect(try await api.request(.patch, "/api/v1/projects/\(projectID)", token: county, json: ["name": "x"], headers: ifMatchHeader(1)),
                        .preconditionFailed, .patch, "/api/v1/projects/{id}")

            // Parks and their items.
            let park = try await api.request(.post, "/api/v1/parks", token: county, json: [
                "name": "样本园区", "district_id": fixture.district1.id, "standard": "eight_one",
            ])
            docs.expect(park, .created, .post, "/api/v1/parks")
            let parkID = try #require(park.object["id"] as? Int)
            docs.expect(try await api.request(.get, "/api/v1/parks", token: district), .ok, .get, "/api/v1/parks")
            docs.expect(try await api.request(.get, "/api/v1/parks/\(parkID)", token: department), .ok, .get, "/api/v1/parks/{id}")
            docs.expect(try await api.request(.patch, "/api/v1/parks/\(parkID)", token: county, json: ["name": "样本园区（一期）"],
                                              headers: ifMatchHeader(1)), .ok, .patch, "/api/v1/parks/{id}")
            let item = "/api/v1/parks/\(parkID)/items/heating"
            docs.expect(try await api.request(.put, item, token: district, json: ["status": "building", "planned_investment": 120.5]),
                        .created, .put, "/api/v1/parks/{id}/items/{item}")
            docs.expect(try await api.request(.put, item, token: district, json: [
                "status": "done", "planned_investment": 120.5, "completed_investment": 118,
            ], headers: ifMatchHeader(1)), .ok, .put, "/api/v1/parks/{id}/items/{item}")
            docs.expect(try await api.request(.get, "/api/v1/parks/\(parkID)/items", token: county),
                        .ok, .get, "/api/v1/parks/{id}/items")
            docs.expect(try await api.request(.put, "/api/v1/parks/\(parkID)/items/heating", token: district, json: ["status": "finished"],
                                              headers: ifMatchHeader(2)), .unprocessableContent, .put, "/api/v1/parks/{id}/items/{item}")

            // The land quota and its allocations.
            docs.expect(try await api.request(.put, "/api/v1/land/quotas/2026", token: county, json: ["quota_mu": 300, "reserved_mu": 30.5]),
                        .created, .put, "/api/v1/land/quotas/{year}")
            docs.expect(try await api.request(.put, "/api/v1/land/quotas/2026", token: county, json: ["quota_mu": 320, "reserved_mu": 30.5],
                                              headers: ifMatchHeader(1)), .ok, .put, "/api/v1/land/quotas/{year}")
            let allocation = try await api.request(.post, "/api/v1/land/allocations", token: county, json: [
                "year": 2026, "project_id": projectID, "area_mu": 12.25, "from_reserve": true,
            ])
            docs.expect(allocation, .created, .post, "/api/v1/land/allocations")
            let allocationID = try #require(allocation.object["id"] as? Int)
            docs.expect(try await api.request(.get, "/api/v1/land/quotas/2026", token: district), .ok, .get, "/api/v1/land/quotas/{year}")
            docs.expect(try await api.request(.get, "/api/v1/land/quotas/2026/allocations", token: district),
                        .ok, .get, "/api/v1/land/quotas/{year}/allocations")
            docs.expect(try await api.request(.get, "/api/v1/land/allocations/\(allocationID)", token: district),
                        .ok, .get, "/api/v1/land/allocations/{id}")
            docs.expect(try await api.request(.delete, "/api/v1/land/allocations/\(allocationID)", token: county),
                        .noContent, .delete, "/api/v1/land/allocations/{id}")
            docs.expect(try await api.request(.get, "/api/v1/land/allocations/\(allocationID)", token: county),
                        .notFound, .get, "/api/v1/land/allocations/{id}")

            // Category lead departments (the fixture maps some categories already).
            docs.expect(try await api.request(.get, "/api/v1/category-leads", token: district), .ok, .get, "/api/v1/category-leads")
            let lead = try await api.request(.get, "/api/v1/category-leads?limit=500", token: county).items
            let mapped = Set(lead.compactMap { $0["category"] as? String })
            let unmapped = try #require(ProjectCategory.allCases.first { !mapped.contains($0.rawValue) }?.rawValue,
                                        "every category is mapped already")
            docs.expect(try await api.request(.put, "/api/v1/category-leads/\(unmapped)", token: county, json: ["department_id": fixture.drc.id]),
                        .created, .put, "/api/v1/category-leads/{category}")
            docs.expect(try await api.request(.put, "/api/v1/category-leads/\(unmapped)", token: county, json: ["department_id": fixture.industry.id],
                                              headers: ifMatchHeader(1)), .ok, .put, "/api/v1/category-leads/{category}")

            // Investment attraction: teams, deals, receipts.
            let team = try await api.request(.post, "/api/v1/attraction/teams", token: county, json: [
                "name": "长三角招商小分队", "lead_department_id": fixture.drc.id,
            ])
            docs.expect(team, .created, .post, "/api/v1/attraction/teams")
            let teamID = try #require(team.object["id"] as? Int)
            docs.expect(try await api.request(.get, "/api/v1/attraction/teams", token: department), .ok, .get, "/api/v1/attraction/teams")
            docs.expect(try await api.request(.get, "/api/v1/attraction/teams/\(teamID)", token: department), .ok, .get, "/api/v1/attraction/teams/{id}")
            docs.expect(try await api.request(.patch, "/api/v1/attraction/teams/\(teamID)", token: county, json: ["name": "珠三角招商小分队"],
                                              headers: ifMatchHeader(1)), .ok, .patch, "/api/v1/attraction/teams/{id}")
            let deal = try await api.request(.post, "/api/v1/attraction/deals", token: department, json: [
                "team_id": teamID, "investor": "某某集团", "investor_kind": "private", "signed_amount": 8000.5,
                "signed_on": "2026-02-20", "district_id": fixture.district1.id,
            ])
            docs.expect(deal, .created, .post, "/api/v1/attraction/deals")
            let dealID = try #require(deal.object["id"] as? Int)
            docs.expect(try await api.request(.post, "/api/v1/attraction/deals", token: county, json: [
                "team_id": teamID, "investor": "央企甲", "investor_kind": "central_soe", "signed_amount": 20000,
                "signed_on": "2026-03-02", "district_id": fixture.district1.id, "project_id": projectID,
            ]), .created, .post, "/api/v1/attraction/deals")
            docs.expect(try await api.request(.patch, "/api/v1/attraction/deals/\(dealID)", token: department, json: ["project_id": projectID],
                                              headers: ifMatchHeader(1)), .ok, .patch, "/api/v1/attraction/deals/{id}")
            docs.expect(try await api.request(.post, "/api/v1/attraction/deals/\(dealID)/receipts", token: department, json: [
                "received_on": "2026-03-15", "amount": 1500.25,
            ]), .created, .post, "/api/v1/attraction/deals/{id}/receipts")
            docs.expect(try await api.request(.get, "/api/v1/attraction/deals/\(dealID)/receipts", token: district),
                        .ok, .get, "/api/v1/attraction/deals/{id}/receipts")
            docs.expect(try await api.request(.get, "/api/v1/attraction/deals/\(dealID)", token: district), .ok, .get, "/api/v1/attraction/deals/{id}")
            docs.expect(try await api.request(.get, "/api/v1/attraction/deals?team_id=\(teamID)", token: county), .ok, .get, "/api/v1/attraction/deals")

            // Targets and statistical FAI.
            for (agency, fai) in [(fixture.district1, 1000), (fixture.district2, 800), (fixture.drc, 600), (fixture.industry, 500)] {
                docs.expect(try await api.request(.put, "/api/v1/targets/2026/\(agency.id)", token: county, json: [
                    "fai": fai, "major_investment": 400, "new_starts": 3, "completions": NSNull(), "attraction_funds": 2000.5,
                ]), .created, .put, "/api/v1/targets/{year}/{agency_id}")
            }
            docs.expect(try await api.request(.put, "/api/v1/targets/2026/\(fixture.district1.id)", token: county, json: ["fai": 1200],
                                              headers: ifMatchHeader(1)), .ok, .put, "/api/v1/targets/{year}/{agency_id}")
            docs.expect(try await api.request(.get, "/api/v1/targets/2026/\(fixture.district1.id)", token: district),
                        .ok, .get, "/api/v1/targets/{year}/{agency_id}")
            docs.expect(try await api.request(.get, "/api/v1/targets/2026", token: county), .ok, .get, "/api/v1/targets/{year}")
            let fai = "/api/v1/statistics/fai/\(fixture.district1.id)/2026-02"
            docs.expect(try await api.request(.put, fai, token: county, json: ["amount": 210.75]), .created, .put, "/api/v1/statistics/fai/{agency_id}/{month}")
            docs.expect(try await api.request(.put, fai, token: county, json: ["amount": 211], headers: ifMatchHeader(1)),
                        .ok, .put, "/api/v1/statistics/fai/{agency_id}/{month}")
            docs.expect(try await api.request(.get, fai, token: district), .ok, .get, "/api/v1/statistics/fai/{agency_id}/{month}")
            docs.expect(try await api.request(.get, "/api/v1/statistics/fai?year=2026", token: district), .ok, .get, "/api/v1/statistics/fai")
            docs.expect(try await api.request(.get, "/api/v1/statistics/fai", token: district), .unprocessableContent, .get, "/api/v1/statistics/fai")

            // Schemes.
            docs.expect(try await api.request(.get, "/api/v1/schemes/2026", token: district), .ok, .get, "/api/v1/schemes/{year}")
            let scheme: [String: Any] = [
                "weights": ["fai": 30, "major_investment": 30, "new_starts": 10, "completions": 10, "attraction_funds": 20],
                "quarter_shares": [0.2, 0.45, 0.75, 1], "cap": 1.2, "annual_weight": 0.6, "quarterly_weight": 0.4,
                "late_report_penalty": 0.5, "late_report_penalty_cap": 5, "report_deadline_day": 5,
            ]
            docs.expect(try await api.request(.put, "/api/v1/schemes/2026", token: county, json: scheme), .created, .put, "/api/v1/schemes/{year}")
            docs.expect(try await api.request(.put, "/api/v1/schemes/2026", token: county, json: ["cap": 1.3], headers: ifMatchHeader(1)),
                        .ok, .put, "/api/v1/schemes/{year}")
            docs.expect(try await api.request(.get, "/api/v1/schemes/2026", token: district), .ok, .get, "/api/v1/schemes/{year}")

            // Assessments, computed by a worker, published and ranked; quarter and year runs.
            let pool = api.database.makePool(maxConnections: 2)
            let worker = AssessmentWorker(
                database: Database(pool: pool), options: .init(name: "openapi-samples"), logger: Logger(label: "test.openapi.worker"))
            for period in ["Q1", "year"] {
                let queued = try await api.request(.post, "/api/v1/assessments", token: county, json: ["year": 2026, "period": period])
                docs.expect(queued, .accepted, .post, "/api/v1/assessments")
                let runID = try #require(queued.object["id"] as? Int)
                docs.expect(try await api.request(.get, "/api/v1/assessments/\(runID)", token: county), .ok, .get, "/api/v1/assessments/{id}")
                docs.expect(try await api.request(.post, "/api/v1/assessments/\(runID)/publish", token: county),
                            .conflict, .post, "/api/v1/assessments/{id}/publish")
                #expect(try await worker.processNext() == Int64(runID))
                let done = try await api.request(.get, "/api/v1/assessments/\(runID)", token: county)
                docs.expect(done, .ok, .get, "/api/v1/assessments/{id}")
                #expect(json(done)["status"] as? String == "done")
                docs.expect(try await api.request(.post, "/api/v1/assessments/\(runID)/publish", token: county),
                            .ok, .post, "/api/v1/assessments/{id}/publish")
                let ranking = try await api.request(.get, "/api/v1/rankings?year=2026&period=\(period)", token: district)
                docs.expect(ranking, .ok, .get, "/api/v1/rankings")
                let groups = json(ranking)["groups"] as? [String: [[String: Any]]] ?? [:]
                #expect(groups["district"]?.isEmpty == false && groups["department"]?.isEmpty == false, "\(groups)")
                if period == "year" {
                    #expect(groups["district"]?.first?["quarter_scores"] is [Any], "a year run lists quarter scores")
                }
            }
            await pool.shutdown()
            docs.expect(try await api.request(.get, "/api/v1/rankings?year=2026&period=Q2", token: district), .notFound, .get, "/api/v1/rankings")

            // Early warnings: d1 is behind its targets; the major project has not started.
            let warnings = try await api.request(.get, "/api/v1/warnings?year=2026&as_of=2026-04-10", token: county)
            docs.expect(warnings, .ok, .get, "/api/v1/warnings")
            #expect((json(warnings)["indicators"] as? [Any])?.isEmpty == false)
            #expect((json(warnings)["projects"] as? [Any])?.isEmpty == false)
            docs.expect(try await api.request(.get, "/api/v1/warnings?year=2026&as_of=2026-01-10", token: district), .ok, .get, "/api/v1/warnings")

            // Every documented route has been sampled.
            let unsampled = docs.operations.subtracting(docs.sampled).subtracting(["GET /api/v1/openapi.json"])
            #expect(unsampled.isEmpty, "no sample response for \(unsampled.sorted())")
        }
    }
}
