import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Spreadsheet
import Testing
import TestSupport

/// The import errors a clerk meets, produced through the real import path (monthly reports and
/// projects, .xlsx), read in both languages: every message passes the lint, names no ASCII field,
/// and its column is named by the sheet's Chinese header.
@Suite struct ImportErrorWordingTests {
    /// `(code, column, message)` of every error of a refused upload.
    static func errors(_ response: TestResponse) -> [(code: String, column: String, message: String)] {
        (response.object["errors"] as? [[String: Any]] ?? []).map {
            ($0["code"] as? String ?? "", $0["column"] as? String ?? "", $0["message"] as? String ?? "")
        }
    }

    /// Monthly-report sheets that are wrong in every way a clerk's can be, and project sheets
    /// likewise, uploaded by D1's editor (with `language`): their errors.
    static func refusals(_ api: APIClient, _ language: String) async throws -> [(code: String, column: String, message: String)] {
        let district = try await api.signIn(api.fixture.district1, "editor")
        let county = try await api.signIn(api.fixture.county, "editor")
        let other = try await api.signIn(api.fixture.district2, "editor")
        let headers: HTTPFields = [.contentType: SpreadsheetFormat.xlsx.contentType, .acceptLanguage: language]
        let mine = try await api.createProject(token: district, code: "P-001")
        _ = try await api.createProject(token: district, code: "P-002")
        let locked = try await api.createProject(token: district, code: "P-003")
        _ = try await api.createProject(token: district, code: "P-004")
        _ = try await api.createProject(token: district, code: "P-005")
        _ = try await api.createProject(token: other, code: "Q-001", district: api.fixture.district2)
        _ = try await api.request(.put, "/api/v1/projects/\(mine)/reports/2026-03", token: district, json: ["investment_completed": 5])
        _ = try await api.request(.put, "/api/v1/projects/\(locked)/reports/2026-03", token: district, json: ["investment_completed": 5])
        _ = try await api.request(.post, "/api/v1/projects/\(locked)/reports/2026-03/review", token: county,
                                  json: ["decision": "approve"], headers: ifMatch(1))
        let reports = try ImportTests.sheet([
            [.text("P-001"), .empty, .number(7), .empty, .empty, .empty],
            [.text("P-002"), .empty, .text("一百"), .empty, .empty, .number(3)],
            [.text("Q-001"), .empty, .number(1), .empty, .empty, .empty],
            [.text("P-002"), .empty, .number(-1), .empty, .empty, .empty],
            [.empty, .empty, .number(1), .text(String(repeating: "长", count: 4001)), .empty, .empty],
            [.text("P-404"), .empty, .number(1234.005), .empty, .empty, .empty],
            [.text("P-003"), .empty, .number(6), .empty, .empty, .number(2)],
            [.text("P-004"), .empty, .number(6), .empty, .empty, .number(3)],
            [.text("P-005"), .empty, .number(6), .empty, .empty, .text("第一版")],
        ])
        var found = Self.errors(try await api.request(.post, "/api/v1/imports/monthly-reports?month=2026-03", token: district,
                                                      bytes: reports, headers: headers))
        let noColumn = try ImportTests.sheet([[.text("P-001")]], headers: ["项目编号"])
        found += Self.errors(try await api.request(.post, "/api/v1/imports/monthly-reports?month=2026-03", token: district,
                                                   bytes: noColumn, headers: headers))
        let rows = try UploadedSheet.rows(of: Data(buffer: try await api.request(.get, "/api/v1/projects?format=xlsx", token: district).body))
        func row(_ base: Int = 1, _ change: (inout [Cell]) -> Void) -> [Cell] {
            var cells = ProjectImportTests.cells(rows[base])
            change(&cells)
            return cells
        }
        let version = rows[0].cells.count - 1
        let projects = try ProjectImportTests.file(header: rows[0], rows: [
            row { $0[1] = .text("新名称"); $0[version] = .number(9) },
            row { $0[0] = .text("Q-001"); $0[version] = .empty },
            row { $0[0] = .text("P-009"); $0[7] = .text("花溪区"); $0[version] = .empty },
            row { $0[0] = .text("P-010"); $0[3] = .text("矿业"); $0[5] = .text("竣工投产"); $0[version] = .empty },
            row { $0[0] = .text("P-011"); $0[8] = .text("不存在的部门"); $0[version] = .empty },
            row { $0[version] = .empty },
            row { $0[0] = .text("P-012"); $0[version] = .number(1) },
            row(2) { $0[7] = .text("花溪区") },
        ])
        found += Self.errors(try await api.request(.post, "/api/v1/imports/projects", token: district, bytes: projects, headers: headers))
        return found
    }

    @Test(arguments: ["zh-CN", "en"])
    func everyImportErrorReadsAsTheClerkWritesIt(language: String) async throws {
        try await APIHarness.run { api in
            // setup and MUT
            let errors = try await Self.refusals(api, language)
            // validate: the kinds a clerk's sheets produce, each worded without a lint problem
            let codes = Set(errors.map(\.code))
            #expect(codes.isSuperset(of: [
                "not_a_number", "unknown_project_code", "negative_amount", "text_too_long", "required_project_code",
                "too_many_decimals", "duplicate_row", "no_report_yet", "report_locked", "template_version", "missing_column",
                "project_stale", "code_of_hidden_project", "project_moves_district", "not_a_choice", "unknown_agency_name",
                "no_project_yet", "report_version_missing", "district_not_writable", "no_report_yet", "project_moves_district",
            ]), "\(codes.sorted())")
            for error in errors {
                #expect(!error.code.isEmpty && !error.message.isEmpty)
                if language == "zh-CN" {
                    #expect(TextLint.problems(error.message).isEmpty, "\(error.code): \(error.message) — \(TextLint.problems(error.message))")
                }
                #expect(!error.message.contains("{") && !error.message.contains("。。"), "\(error.code): \(error.message)")
                // a column is named by its Chinese header, never a field name
                #expect(error.column.isEmpty || error.column.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
                        "\(error.code): column \(error.column)")
            }
        }
    }
}
