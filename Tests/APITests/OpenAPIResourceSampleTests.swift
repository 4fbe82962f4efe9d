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
        var sampled: Set<String> = []

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

        /// The documented path template a concrete path (query string ignored) falls under,
        /// preferring literal segments to parameters.
        func template(of path: String) -> String? {
            let segments = path.split(separator: "?")[0].split(separator: "/")
            let candidates = paths.keys.filter { template in
                let parts = template.split(separator: "/")
                return parts.count == segments.count && zip(parts, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
            }
            return candidates.min { $0.filter { $0 == "{" }.count < $1.filter { $0 == "{" }.count }
        }

        /// Sends a request and expects `status`, a body valid under what the document says the
        /// route answers with that status (a problem for a 4xx), and, when it succeeds, a request
        /// body valid under the documented request schema.
        @discardableResult
        func call(
            _ api: APIClient, _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: Any? = nil,
            bytes: Data? = nil, headers: HTTPFields = [:], _ status: HTTPResponse.Status, sourceLocation: SourceLocation = #_sourceLocation
        ) async throws -> TestResponse {
            let response = try await api.request(method, path, token: token, json: json, bytes: bytes, headers: headers)
            let label = "\(method.rawValue) \(path)"
            #expect(response.status == status, "\(label): \(response.status) \(String(buffer: response.body))", sourceLocation: sourceLocation)
            guard let template = template(of: path), case .object(let item)? = paths[template],
                  case .object(let operation)? = item[method.rawValue.lowercased()], case .object(let responses)? = operation["responses"] else {
                Issue.record("\(label) is not documented", sourceLocation: sourceLocation)
                return response
            }
            sampled.insert("\(method.rawValue) \(template)")
            if let json, (200..<300).contains(response.status.code) {
                let sent = try JSONDecoder().decode(JSONValue.self, from: JSONSerialization.data(withJSONObject: json))
                if case .object(let requestBody)? = operation["requestBody"], case .object(let content)? = requestBody["content"],
                   case .object(let media)? = content["application/json"], let schema = media["schema"] {
                    let problems = validator.errors(sent, schema)
                    #expect(problems.isEmpty, "\(label) request: \(problems)", sourceLocation: sourceLocation)
                } else {
                    Issue.record("\(label) accepted a body but documents none", sourceLocation: sourceLocation)
                }
            }
            let documented = responses[String(response.status.code)] ?? (response.status.code >= 400 ? responses["default"] : nil)
            guard case .object(let answer)? = documented else {
                Issue.record("\(label) answered \(response.status.code), which is not documented", sourceLocation: sourceLocation)
                return response
            }
            guard case .object(let content)? = answer["content"] else {
                #expect(response.body.readableBytes == 0, "\(label) has a body but documents none", sourceLocation: sourceLocation)
                return response
            }
            // A file (a spreadsheet download) is checked by its media type, JSON by its schema.
            let type = response.headers[.contentType]?.split(separator: ";").first.map(String.init) ?? ""
            guard type.hasSuffix("json"), case .object(let media)? = content["application/json"] ?? content.values.first,
                  let schema = media["schema"] else {
                #expect(content.keys.contains { $0.hasPrefix(type) && !type.isEmpty }, "\(label) answered \(type), not one of \(content.keys.sorted())",
                        sourceLocation: sourceLocation)
                return response
            }
            let body = (try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))) ?? .null
            let problems = validator.errors(body, schema)
            #expect(problems.isEmpty, "\(label) \(response.status.code): \(problems)", sourceLocation: sourceLocation)
            // Money (and counts) show at most two decimals; a scheme's numbers are the client's own.
            if !template.hasPrefix("/api/v1/schemes") {
                let fine = body.numbersBeyondTwoDecimals()
                #expect(fine.isEmpty, "\(label): more than two decimals at \(fine)", sourceLocation: sourceLocation)
            }
            return response
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
            let signIn = try await docs.call(
                api, .post, "/api/v1/sessions", json: ["username": "d1-viewer", "password": CountyFixture.password], .created)
            let viewer = try #require(signIn.object["token"] as? String)
            try await docs.call(api, .get, "/api/v1/me", token: viewer, .ok)
            try await docs.call(api, .delete, "/api/v1/sessions/current", token: viewer, .noContent)
            try await docs.call(api, .post, "/api/v1/sessions", json: ["username": "d1-viewer", "password": "wrong"], .unauthorized)
            let project = try await docs.call(api, .post, "/api/v1/projects", token: county, json: [
                "code": "OA-1", "name": "样本重大项目", "owner": "样本公司", "category": "industry", "stage": "preliminary", "major": true,
                "district_id": fixture.district1.id, "total_investment": 5000, "planned_start": "2026-01-15", "park_id": fixture.park1,
            ], .created)
            let projectID = try #require(project.object["id"] as? Int)
            try await docs.call(api, .get, "/api/v1/projects/\(projectID)", token: district, .ok)
            try await docs.call(api, .patch, "/api/v1/projects/\(projectID)", token: county, json: ["industry": "装备制造"],
                headers: ifMatch(1), .ok)
            try await docs.call(api, .get, "/api/v1/projects?limit=5", token: district, .ok)
            try await docs.call(
                api, .patch, "/api/v1/projects/\(projectID)", token: county, json: ["name": "x"], headers: ifMatch(1), .preconditionFailed)

            // Parks and their items.
            let park = try await docs.call(api, .post, "/api/v1/parks", token: county, json: [
                "name": "样本园区", "district_id": fixture.district1.id, "standard": "eight_one",
            ], .created)
            let parkID = try #require(park.object["id"] as? Int)
            try await docs.call(api, .get, "/api/v1/parks", token: district, .ok)
            try await docs.call(api, .get, "/api/v1/parks/\(parkID)", token: department, .ok)
            try await docs.call(api, .patch, "/api/v1/parks/\(parkID)", token: county, json: ["name": "样本园区（一期）"],
                headers: ifMatch(1), .ok)
            let item = "/api/v1/parks/\(parkID)/items/heating"
            try await docs.call(api, .put, item, token: district, json: ["status": "building", "planned_investment": 120.5], .created)
            try await docs.call(api, .put, item, token: district, json: [
                "status": "done", "planned_investment": 120.5, "completed_investment": 118,
            ], headers: ifMatch(1), .ok)
            try await docs.call(api, .get, "/api/v1/parks/\(parkID)/items", token: county, .ok)
            try await docs.call(api, .put, "/api/v1/parks/\(parkID)/items/heating", token: district, json: ["status": "finished"],
                headers: ifMatch(2), .unprocessableContent)

            // The land quota and its allocations.
            try await docs.call(api, .put, "/api/v1/land/quotas/2026", token: county, json: ["quota_mu": 300, "reserved_mu": 30.5], .created)
            try await docs.call(api, .put, "/api/v1/land/quotas/2026", token: county, json: ["quota_mu": 320, "reserved_mu": 30.5],
                headers: ifMatch(1), .ok)
            let allocation = try await docs.call(api, .post, "/api/v1/land/allocations", token: county, json: [
                "year": 2026, "project_id": projectID, "area_mu": 12.25, "from_reserve": true,
            ], .created)
            let allocationID = try #require(allocation.object["id"] as? Int)
            try await docs.call(api, .get, "/api/v1/land/quotas/2026", token: district, .ok)
            try await docs.call(api, .get, "/api/v1/land/quotas/2026/allocations", token: district, .ok)
            try await docs.call(api, .get, "/api/v1/land/allocations/\(allocationID)", token: district, .ok)
            try await docs.call(api, .delete, "/api/v1/land/allocations/\(allocationID)", token: county, headers: ifMatch(1), .noContent)
            try await docs.call(api, .get, "/api/v1/land/allocations/\(allocationID)", token: county, .notFound)

            // Category lead departments (the fixture maps some categories already).
            try await docs.call(api, .get, "/api/v1/category-leads", token: district, .ok)
            let lead = try await api.request(.get, "/api/v1/category-leads?limit=500", token: county).items
            let mapped = Set(lead.compactMap { $0["category"] as? String })
            let unmapped = try #require(
                ProjectCategory.allCases.first { !mapped.contains($0.rawValue) }?.rawValue, "every category is mapped already")
            try await docs.call(api, .put, "/api/v1/category-leads/\(unmapped)", token: county, json: ["department_id": fixture.drc.id], .created)
            try await docs.call(api, .put, "/api/v1/category-leads/\(unmapped)", token: county, json: ["department_id": fixture.industry.id],
                headers: ifMatch(1), .ok)

            // Investment attraction: teams, deals, receipts.
            let team = try await docs.call(api, .post, "/api/v1/attraction/teams", token: county, json: [
                "name": "长三角招商小分队", "lead_department_id": fixture.drc.id,
            ], .created)
            let teamID = try #require(team.object["id"] as? Int)
            try await docs.call(api, .get, "/api/v1/attraction/teams", token: department, .ok)
            try await docs.call(api, .get, "/api/v1/attraction/teams/\(teamID)", token: department, .ok)
            try await docs.call(api, .patch, "/api/v1/attraction/teams/\(teamID)", token: county, json: ["name": "珠三角招商小分队"],
                headers: ifMatch(1), .ok)
            let deal = try await docs.call(api, .post, "/api/v1/attraction/deals", token: department, json: [
                "team_id": teamID, "investor": "某某集团", "investor_kind": "private", "signed_amount": 8000.5,
                "signed_on": "2026-02-20", "district_id": fixture.district1.id,
            ], .created)
            let dealID = try #require(deal.object["id"] as? Int)
            try await docs.call(api, .post, "/api/v1/attraction/deals", token: county, json: [
                "team_id": teamID, "investor": "央企甲", "investor_kind": "central_soe", "signed_amount": 20000,
                "signed_on": "2026-03-02", "district_id": fixture.district1.id, "project_id": projectID,
            ], .created)
            try await docs.call(api, .patch, "/api/v1/attraction/deals/\(dealID)", token: county, json: ["project_id": projectID],
                headers: ifMatch(1), .ok)
            try await docs.call(api, .post, "/api/v1/attraction/deals/\(dealID)/receipts", token: department, json: [
                "received_on": "2026-03-15", "amount": 1500.25,
            ], .created)
            try await docs.call(api, .get, "/api/v1/attraction/deals/\(dealID)/receipts", token: district, .ok)
            try await docs.call(api, .get, "/api/v1/attraction/deals/\(dealID)", token: district, .ok)
            try await docs.call(api, .get, "/api/v1/attraction/deals?team_id=\(teamID)", token: county, .ok)

            // Targets and statistical FAI.
            for (agency, fai) in [(fixture.district1, 1000), (fixture.district2, 800), (fixture.drc, 600), (fixture.industry, 500)] {
                try await docs.call(api, .put, "/api/v1/targets/2026/\(agency.id)", token: county, json: [
                    "fai": fai, "major_investment": 400, "new_starts": 3, "completions": NSNull(), "attraction_funds": 2000.5,
                ], .created)
            }
            try await docs.call(api, .put, "/api/v1/targets/2026/\(fixture.district1.id)", token: county, json: ["fai": 1200],
                headers: ifMatch(1), .ok)
            try await docs.call(api, .get, "/api/v1/targets/2026/\(fixture.district1.id)", token: district, .ok)
            try await docs.call(api, .get, "/api/v1/targets/2026", token: county, .ok)
            let fai = "/api/v1/statistics/fai/\(fixture.district1.id)/2026-02"
            try await docs.call(api, .put, fai, token: county, json: ["amount": 210.75], .created)
            try await docs.call(api, .put, fai, token: county, json: ["amount": 211], headers: ifMatch(1), .ok)
            try await docs.call(api, .get, fai, token: district, .ok)
            try await docs.call(api, .get, "/api/v1/statistics/fai?year=2026", token: district, .ok)
            try await docs.call(api, .get, "/api/v1/statistics/fai", token: district, .unprocessableContent)

            // Schemes.
            try await docs.call(api, .get, "/api/v1/schemes/2026", token: district, .ok)
            let scheme: [String: Any] = [
                "weights": ["fai": 30, "major_investment": 30, "new_starts": 10, "completions": 10, "attraction_funds": 20],
                "quarter_shares": [0.2, 0.45, 0.75, 1], "cap": 1.2, "annual_weight": 0.6, "quarterly_weight": 0.4,
                "late_report_penalty": 0.5, "late_report_penalty_cap": 5, "report_deadline_day": 5,
            ]
            try await docs.call(api, .put, "/api/v1/schemes/2026", token: county, json: scheme, .created)
            try await docs.call(api, .put, "/api/v1/schemes/2026", token: county, json: ["cap": 1.3], headers: ifMatch(1), .ok)
            try await docs.call(api, .get, "/api/v1/schemes/2026", token: district, .ok)

            // Assessments, computed by a worker, published and ranked; quarter and year runs.
            let pool = api.database.makePool(maxConnections: 2)
            let worker = AssessmentWorker(
                database: Database(pool: pool), options: .init(name: "openapi-samples"), logger: Logger(label: "test.openapi.worker"))
            for period in ["Q1", "year"] {
                let queued = try await docs.call(api, .post, "/api/v1/assessments", token: county, json: ["year": 2026, "period": period], .accepted)
                let runID = try #require(queued.object["id"] as? Int)
                try await docs.call(api, .get, "/api/v1/assessments/\(runID)", token: county, .ok)
                try await docs.call(api, .post, "/api/v1/assessments/\(runID)/publish", token: county, .conflict)
                #expect(try await worker.processNext() == Int64(runID))
                let done = try await docs.call(api, .get, "/api/v1/assessments/\(runID)", token: county, .ok)
                #expect(json(done)["status"] as? String == "done")
                try await docs.call(api, .post, "/api/v1/assessments/\(runID)/publish", token: county, .ok)
                let ranking = try await docs.call(api, .get, "/api/v1/rankings?year=2026&period=\(period)", token: district, .ok)
                let groups = json(ranking)["groups"] as? [String: [[String: Any]]] ?? [:]
                #expect(groups["district"]?.isEmpty == false && groups["department"]?.isEmpty == false, "\(groups)")
                if period == "year" {
                    #expect(groups["district"]?.first?["quarter_scores"] is [Any], "a year run lists quarter scores")
                }
            }
            await pool.shutdown()
            let runs = try await docs.call(api, .get, "/api/v1/assessments?year=2026", token: district, .ok)
            #expect(runs.items.compactMap { $0["period"] as? String } == ["year", "Q1"])
            try await docs.call(api, .get, "/api/v1/rankings?year=2026&period=Q2", token: district, .notFound)

            // Early warnings: d1 is behind its targets; the major project has not started.
            let warnings = try await docs.call(api, .get, "/api/v1/warnings?year=2026&as_of=2026-04-10", token: county, .ok)
            #expect((json(warnings)["indicators"] as? [Any])?.isEmpty == false)
            #expect((json(warnings)["projects"] as? [Any])?.isEmpty == false)
            try await docs.call(api, .get, "/api/v1/warnings?year=2026&as_of=2026-01-10", token: district, .ok)
            // Two months into a quarter, a target is annual × share × 2/3: shown to two decimals.
            let midQuarter = try await docs.call(api, .get, "/api/v1/warnings?year=2026&as_of=2026-03-10", token: county, .ok)
            #expect((json(midQuarter)["indicators"] as? [Any])?.isEmpty == false)

            // Agencies and users (county admin).
            let admin = try await api.signIn(fixture.county, "admin")
            try await docs.call(api, .get, "/api/v1/agencies", token: district, .ok)
            let agency = try await docs.call(
                api, .post, "/api/v1/agencies", token: admin, json: ["code": "D9", "name": "样本新区", "kind": "district"], .created)
            let agencyID = try #require(agency.object["id"] as? Int)
            try await docs.call(api, .get, "/api/v1/agencies/\(agencyID)", token: district, .ok)
            try await docs.call(api, .patch, "/api/v1/agencies/\(agencyID)", token: admin, json: ["name": "样本新区管委会"], headers: ifMatch(1), .ok)
            try await docs.call(api, .post, "/api/v1/agencies", token: admin, json: ["code": "D9", "name": "重复", "kind": "district"], .conflict)
            let user = try await docs.call(api, .post, "/api/v1/users", token: admin, json: [
                "username": "d9-editor", "display_name": "新区填报员", "password": "long enough", "agency_id": agencyID, "role": "editor",
            ], .created)
            let userID = try #require(user.object["id"] as? Int)
            try await docs.call(api, .get, "/api/v1/users", token: admin, .ok)
            try await docs.call(api, .get, "/api/v1/users/\(userID)", token: admin, .ok)
            try await docs.call(
                api, .patch, "/api/v1/users/\(userID)", token: admin, json: ["display_name": "新区管理员", "role": "admin", "active": true],
                headers: ifMatch(1), .ok)

            // Monthly reports and the history they leave.
            let report = "/api/v1/projects/\(projectID)/reports/2026-03"
            try await docs.call(api, .put, report, token: district, json: [
                "investment_completed": 150.5, "progress": "主体结构施工", "problems": "",
            ], .created)
            try await docs.call(api, .put, report, token: district, json: ["investment_completed": 160], headers: ifMatch(1), .ok)
            try await docs.call(api, .get, "/api/v1/projects/\(projectID)/reports", token: district, .ok)
            try await docs.call(api, .get, report, token: district, .ok)
            let history = try await docs.call(api, .get, "/api/v1/projects/\(projectID)/history", token: county, .ok)
            #expect(history.items.count >= 3)

            // The month's reports across projects, as JSON and as a spreadsheet; the template and an import.
            try await docs.call(api, .get, "/api/v1/reports?month=2026-03", token: district, .ok)
            try await docs.call(api, .get, "/api/v1/reports?month=2026-03&format=csv", token: district, .ok)
            let template = try await docs.call(api, .get, "/api/v1/imports/monthly-reports/template?month=2026-03", token: district, .ok)
            let imported = try await docs.call(api, .post, "/api/v1/imports/monthly-reports?month=2026-03", token: district,
                                               bytes: Data(buffer: template.body), .ok)
            #expect(imported.object["unchanged"] as? Int == 1)
            try await docs.call(api, .post, "/api/v1/imports/monthly-reports?month=2026-03", token: district,
                                bytes: Data("项目代码\r\n".utf8), .unprocessableContent)
            try await docs.call(api, .get, "/api/v1/imports/\(try #require(imported.object["import_id"] as? Int))", token: district, .ok)
            try await docs.call(api, .get, "/api/v1/imports?limit=10", token: district, .ok)
            try await docs.call(api, .get, "/api/v1/imports?format=csv", token: county, .ok)
            let projects = try await docs.call(api, .get, "/api/v1/projects?format=xlsx", token: district, .ok)
            try await docs.call(api, .post, "/api/v1/imports/projects?dry_run=true", token: district, bytes: Data(buffer: projects.body), .ok)

            // The annual investment plan against those reports.
            let plan = "/api/v1/projects/\(projectID)/plans/2026"
            let monthly: [Any] = [50, 50, 100, 100, 100, 100, 100, 100, 100, 100, 150, 150.5]
            try await docs.call(api, .put, plan, token: district, json: ["annual_investment": 1200.5, "monthly": monthly], .created)
            try await docs.call(api, .put, plan, token: district, json: ["annual_investment": 1200.5, "monthly": monthly],
                headers: ifMatch(1), .ok)
            try await docs.call(api, .get, plan + "?as_of=2026-04-15", token: county, .ok)
            try await docs.call(api, .get, "/api/v1/plans?year=2026&as_of=2026-04-15&behind=true", token: county, .ok)
            try await docs.call(api, .put, plan, token: district, json: ["annual_investment": 1, "monthly": [1]],
                headers: ifMatch(2), .unprocessableContent)

            // Review of that report, the queue, and the notification the return sends.
            try await docs.call(api, .get, "/api/v1/reviews?status=submitted&month=2026-03", token: county, .ok)
            try await docs.call(api, .post, report + "/review", token: county, json: ["decision": "return", "comment": "请补充形象进度说明"],
                headers: ifMatch(2), .ok)
            try await docs.call(api, .post, report + "/review", token: county, json: ["decision": "approve"], headers: ifMatch(3), .conflict)
            try await docs.call(api, .post, "/api/v1/reviews/batch", token: county, json: [
                "decision": "approve", "items": [["project_id": projectID, "month": "2026-03", "version": 3]],
            ], .ok)
            let notices = try await docs.call(api, .get, "/api/v1/notifications?unread=true", token: district, .ok)
            let notice = try #require(notices.items.first?["id"] as? Int)
            try await docs.call(api, .post, "/api/v1/notifications/\(notice)/read", token: district, .noContent)
            try await docs.call(api, .post, "/api/v1/notifications/read-all", token: district, .noContent)

            // Funding (and the financing platforms it names), approvals, problems.
            let platform = try await docs.call(api, .post, "/api/v1/financing-platforms", token: county, json: ["name": "县城投公司"], .created)
            let platformID = try #require(platform.object["id"] as? Int)
            try await docs.call(api, .post, "/api/v1/financing-platforms", token: county, json: ["name": "县交投公司", "note": "交通项目"], .created)
            try await docs.call(api, .get, "/api/v1/financing-platforms", token: district, .ok)
            let funding = try await docs.call(api, .post, "/api/v1/projects/\(projectID)/funding", token: district, json: [
                "kind": "platform", "platform_id": platformID, "planned_amount": 5000, "amount_in_place": 1200.5,
            ], .created)
            let fundingID = try #require(funding.object["id"] as? Int)
            try await docs.call(api, .post, "/api/v1/projects/\(projectID)/funding", token: district, json: ["kind": "self_raised"], .created)
            try await docs.call(api, .get, "/api/v1/projects/\(projectID)/funding", token: district, .ok)
            try await docs.call(api, .get, "/api/v1/funding/\(fundingID)", token: district, .ok)
            try await docs.call(
                api, .patch, "/api/v1/funding/\(fundingID)", token: district, json: ["kind": "bank_loan"], headers: ifMatch(1), .ok)
            try await docs.call(api, .delete, "/api/v1/funding/\(fundingID)", token: district, headers: ifMatch(2), .noContent)
            let approval = try await docs.call(api, .post, "/api/v1/projects/\(projectID)/approvals", token: county, json: [
                "kind": "filing", "department_id": fixture.industry.id, "applied_on": "2026-01-10",
            ], .created)
            let approvalID = try #require(approval.object["id"] as? Int)
            try await docs.call(api, .get, "/api/v1/projects/\(projectID)/approvals", token: district, .ok)
            try await docs.call(
                api, .patch, "/api/v1/approvals/\(approvalID)", token: county, json: ["status": "approved", "decided_on": "2026-02-09"],
                headers: ifMatch(1), .ok)
            try await docs.call(api, .get, "/api/v1/approvals/\(approvalID)", token: district, .ok)
            try await docs.call(api, .get, "/api/v1/approvals?district_id=\(fixture.district1.id)", token: district, .ok)
            try await docs.call(api, .delete, "/api/v1/approvals/\(approvalID)", token: county, headers: ifMatch(2), .noContent)
            let problem = try await docs.call(api, .post, "/api/v1/projects/\(projectID)/problems", token: district, json: [
                "kind": "land", "description": "用地指标未落实", "department_id": fixture.drc.id, "due_on": "2026-05-31",
            ], .created)
            let problemID = try #require(problem.object["id"] as? Int)
            try await docs.call(api, .get, "/api/v1/projects/\(projectID)/problems", token: district, .ok)
            try await docs.call(api, .patch, "/api/v1/problems/\(problemID)", token: district, json: [
                "status": "resolved", "resolution": "已调剂指标", "resolved_on": "2026-04-20",
            ], headers: ifMatch(1), .ok)
            try await docs.call(api, .get, "/api/v1/problems/\(problemID)", token: district, .ok)
            try await docs.call(api, .delete, "/api/v1/problems/\(problemID)", token: district, headers: ifMatch(2), .noContent)

            try await sampleEvidence(docs, api, projectID: projectID, district: district)
            try await sampleCoordination(docs, api, projectID: projectID, county: county, department: department)

            // Every documented route has been sampled.
            // (The event stream never ends: NotificationStreamTests reads it from a live server.)
            let unsampled = docs.operations.subtracting(docs.sampled)
                .subtracting(["GET /api/v1/openapi.json", "GET /api/v1/notifications/stream"])
            #expect(unsampled.isEmpty, "no sample response for \(unsampled.sorted())")
        }
    }
}
