import Foundation
import HTTPTypes
import Hummingbird
import Spreadsheet
import Testing
import TestSupport

/// 情况说明 (DOMAIN.md "Unusual figures need a reason"): a month's figure below 30% or above 300%
/// of its plan needs an explanation, through the API and the import alike.
@Suite struct ReportExplanationTests {
    /// A D1 project whose March plan is 100 (PlanTests' plan).
    func plannedProject(_ api: APIClient, token: String, code: String = "P-001") async throws -> Int {
        let project = try await api.createProject(token: token, code: code)
        #expect(try await api.request(.put, "/api/v1/projects/\(project)/plans/2026", token: token, json: PlanTests.plan).status == .created)
        return project
    }

    @Test func aFigureBelowTheRangeWithoutExplanationIs422ExplanationRequired() async throws {
        try await APIHarness.run { api in
            // setup
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await plannedProject(api, token: token)
            // MUT
            let refused = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token,
                                                json: ["investment_completed": 29.99, "explanation": "  "])
            // validate
            #expect(refused.status == .unprocessableContent)
            #expect(refused.object["code"] as? String == "explanation_required")
            let error = try #require((refused.object["errors"] as? [[String: Any]])?.first)
            #expect(error["field"] as? String == "explanation" && error["code"] as? String == "explanation_required")
            #expect((error["message"] as? String)?.contains("情况说明") == true)
        }
    }

    @Test func aFigureAboveTheRangeWithoutExplanationIsRefused() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await plannedProject(api, token: token)
            let refused = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token,
                                                json: ["investment_completed": 300.01])
            #expect(refused.status == .unprocessableContent && refused.object["code"] as? String == "explanation_required")
        }
    }

    @Test func theRangesEdgesAndUnplannedMonthsNeedNoExplanation() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await plannedProject(api, token: token)
            let unplanned = try await api.createProject(token: token, code: "P-002")
            for (path, amount) in [("\(project)/reports/2026-03", 30), ("\(project)/reports/2026-04", 300), ("\(unplanned)/reports/2026-03", 9999)] {
                let saved = try await api.request(.put, "/api/v1/projects/\(path)", token: token, json: ["investment_completed": amount])
                #expect(saved.status == .created, "\(path)")
                #expect(saved.object["explanation"] as? String == "")
            }
        }
    }

    @Test func anExplainedFigureIsStoredAndReadBack() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await plannedProject(api, token: token)
            let path = "/api/v1/projects/\(project)/reports/2026-03"
            let saved = try await api.request(.put, path, token: token, json: ["investment_completed": 5, "explanation": "春节停工，3月下旬复工"])
            #expect(saved.status == .created && saved.object["explanation"] as? String == "春节停工，3月下旬复工")
            let read = try await api.request(.get, path, token: token)
            #expect(read.object["explanation"] as? String == "春节停工，3月下旬复工")
        }
    }

    @Test func anImportedUnusualRowWithoutExplanationNamesItsRowAndColumn() async throws {
        try await APIHarness.run { api in
            // setup
            let token = try await api.signIn(api.fixture.district1, "editor")
            let first = try await plannedProject(api, token: token)
            _ = try await plannedProject(api, token: token, code: "P-002")
            let sheet = try ImportTests.sheet([
                [.text("P-001"), .empty, .number(1), .empty, .empty, .empty, .empty],
                [.text("P-002"), .empty, .number(1), .empty, .empty, .empty, .text("设备到货延迟")],
            ])
            // MUT
            let refused = try await ImportTests.upload(api, sheet, token: token)
            // validate
            #expect(refused.status == .unprocessableContent && refused.object["code"] as? String == "explanation_required")
            #expect(ImportTests.errors(refused) == ["2|情况说明"])
            #expect(try await api.request(.get, "/api/v1/projects/\(first)/reports/2026-03", token: token).status == .notFound)
        }
    }

    @Test func anImportedUnusualRowWithExplanationIsWritten() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await plannedProject(api, token: token)
            let sheet = try ImportTests.sheet([[.text("P-001"), .empty, .number(1), .empty, .empty, .empty, .text("设备到货延迟")]])
            let imported = try await ImportTests.upload(api, sheet, token: token)
            #expect(imported.status == .ok, "\(String(buffer: imported.body))")
            let read = try await api.request(.get, "/api/v1/projects/\(project)/reports/2026-03", token: token)
            #expect(read.object["explanation"] as? String == "设备到货延迟")
        }
    }

    @Test func anImportedRowThatChangesNothingIsNotRefusedForAnOlderUnexplainedFigure() async throws {
        try await APIHarness.run { api in
            // setup: a figure reported before the month had a plan, so it needed no explanation then
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token, code: "P-001")
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: token,
                                          json: ["investment_completed": 1]).status == .created)
            #expect(try await api.request(.put, "/api/v1/projects/\(project)/plans/2026", token: token, json: PlanTests.plan).status == .created)
            // MUT: the month's sheet downloaded and sent back as it is
            let same = try ImportTests.sheet([[.text("P-001"), .empty, .number(1), .empty, .empty, .number(1), .empty]])
            let imported = try await ImportTests.upload(api, same, token: token)
            // validate: nothing to write, nothing refused; a change to the figure is still asked for its reason
            #expect(imported.status == .ok, "\(String(buffer: imported.body))")
            #expect(imported.object["unchanged"] as? Int == 1)
            let changed = try ImportTests.sheet([[.text("P-001"), .empty, .number(2), .empty, .empty, .number(1), .empty]])
            let refused = try await ImportTests.upload(api, changed, token: token)
            #expect(refused.status == .unprocessableContent && refused.object["code"] as? String == "explanation_required")
        }
    }
}
