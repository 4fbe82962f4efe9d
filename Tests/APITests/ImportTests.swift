import Foundation
import HTTPTypes
import HummingbirdTesting
import Hummingbird
import Spreadsheet
import Testing
import TestSupport

/// Uploads of monthly reports: checked whole, applied whole in one transaction, or not at all.
@Suite struct ImportTests {
    static let headers = ["项目编号", "项目名称", "本月完成投资(万元)", "形象进度", "存在问题", "版本", "情况说明"]

    /// An .xlsx (or CSV) holding `rows` under the template's headers.
    static func sheet(_ rows: [[Cell]], format: SpreadsheetFormat = .xlsx, headers: [String] = headers) throws -> Data {
        let writer = try format.makeWriter()
        try writer.beginSheet(name: "月报", columns: headers.map { Column($0) })
        for row in rows { try writer.append(row) }
        let url = try writer.finish()
        defer { try? FileManager.default.removeItem(at: url) }
        return try Data(contentsOf: url)
    }

    static func upload(_ api: APIClient, _ data: Data, token: String, query: String = "month=2026-03") async throws -> TestResponse {
        try await api.request(.post, "/api/v1/imports/monthly-reports?\(query)", token: token, bytes: data,
                              headers: [.contentType: SpreadsheetFormat.xlsx.contentType])
    }

    static func errors(_ response: TestResponse) -> [String] {
        (response.object["errors"] as? [[String: Any]] ?? []).map { "\($0["row"] ?? "")|\($0["column"] ?? "")" }
    }

    @Test func templateFilledInImportsOnceAndTracesEveryRowToTheFile() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let first = try await api.createProject(token: district, code: "P-001")
            _ = try await api.createProject(token: district, code: "P-002")
            _ = try await api.request(.put, "/api/v1/projects/\(first)/reports/2026-03", token: district, json: ["investment_completed": 5])
            // the template: one row per project the caller may report, with the current version
            let template = try await api.request(.get, "/api/v1/imports/monthly-reports/template?month=2026-03", token: district)
            #expect(template.status == .ok)
            #expect(template.headers[.contentDisposition]?.hasSuffix(ContentDispositionName.encoded("月报导入模板-2026年3月.xlsx")) == true)
            let rows = try UploadedSheet.rows(of: Data(buffer: template.body))
            #expect(try rows[0].cells.map { try $0.text() } == Self.headers)
            #expect(try rows.dropFirst().map { try $0[0].text() } == ["P-001", "P-002"])
            #expect(try rows[1][5].decimal() == 1 && rows[2][5] == .empty)
            // filled in: P-001 replaced at version 1 (full-width digits), P-002 created (万元 written in)
            let filled = try Self.sheet([
                [.text("P-001"), .text("项目 P-001"), .text("１２３.４"), .text("主体封顶"), .empty, .number(1)],
                [.text("P-002"), .text("项目 P-002"), .text("88万元"), .empty, .text("资金不足"), .empty],
            ])
            let imported = try await Self.upload(api, filled, token: district, query: "month=2026-03&filename=%E5%8D%97%E6%98%8E.xlsx")
            #expect(imported.status == .ok, "\(String(buffer: imported.body))")
            #expect(imported.object["rows"] as? Int == 2 && imported.object["created"] as? Int == 1)
            #expect(imported.object["replaced"] as? Int == 1 && imported.object["unchanged"] as? Int == 0)
            #expect((imported.object["errors"] as? [Any])?.isEmpty == true)
            let importID = try #require(imported.object["import_id"] as? Int)
            // the import is recorded: who, which file, its SHA-256, what it did
            let record = try await api.request(.get, "/api/v1/imports/\(importID)", token: district)
            #expect(record.object["file_name"] as? String == "南明.xlsx")
            #expect(record.object["sha256"] as? String == Self.hex(filled))
            #expect((record.object["user"] as? [String: Any])?["display_name"] as? String == "南明区 editor")
            // every row it wrote names the import and the sheet row (history shows it)
            let history = try await api.request(.get, "/api/v1/projects/\(first)/history", token: district)
            let change = try #require(history.items.first?["changes"] as? [String: Any])
            let source = try #require(history.items.first?["source"] as? [String: Any])
            #expect(source["import_id"] as? Int == importID && source["row"] as? Int == 2)
            #expect(source["display"] as? String == "由导入 #\(importID) 第 2 行")
            #expect(change["import_id"] == nil && change["version"] == nil, "provenance is not a change")
            #expect((change["investment_completed"] as? [String: Any])?["new"] as? Double == 123.4)
            // the same file again changes nothing and writes no history
            let again = try await Self.upload(api, filled, token: district)
            #expect(again.status == .ok)
            #expect(again.object["unchanged"] as? Int == 2 && again.object["created"] as? Int == 0 && again.object["replaced"] as? Int == 0)
            let after = try await api.request(.get, "/api/v1/projects/\(first)/history", token: district)
            #expect(after.object["total"] as? Int == history.object["total"] as? Int)
        }
    }

    @Test func everyWrongRowIsReportedAndNothingIsWritten() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let other = try await api.signIn(api.fixture.district2, "editor")
            let mine = try await api.createProject(token: district, code: "P-001")
            _ = try await api.createProject(token: district, code: "P-002")
            _ = try await api.createProject(token: other, code: "Q-001", district: api.fixture.district2)
            _ = try await api.request(.put, "/api/v1/projects/\(mine)/reports/2026-03", token: district, json: ["investment_completed": 5])
            _ = try await api.request(.put, "/api/v1/projects/\(mine)/reports/2026-03", token: district, json: ["investment_completed": 6], headers: ifMatch(1))
            let file = try Self.sheet([
                [.text("P-001"), .empty, .number(7), .empty, .empty, .number(1)],
                [.text("P-002"), .empty, .text("一百"), .empty, .empty, .empty],
                [.text("Q-001"), .empty, .number(1), .empty, .empty, .empty],
                [.text("P-002"), .empty, .number(-1), .empty, .empty, .empty],
                [.empty, .empty, .number(1), .text(String(repeating: "长", count: 4001)), .empty, .empty],
                [.text("P-404"), .empty, .number(1.005), .empty, .empty, .empty],
            ])
            // MUT
            let response = try await Self.upload(api, file, token: district)
            // validation: the cells Excel shows as wrong, by row and header; nothing written
            #expect(response.status == .unprocessableContent)
            #expect(Self.errors(response) == ["2|版本", "3|本月完成投资(万元)", "4|项目编号", "5|本月完成投资(万元)", "6|形象进度", "6|项目编号",
                                              "7|本月完成投资(万元)"],
                    "\(String(buffer: response.body))")
            let fixed = try Self.sheet([
                [.text("P-001"), .empty, .number(7), .empty, .empty, .number(1)],
                [.text("P-002"), .empty, .number(2), .empty, .empty, .empty],
                [.text("Q-001"), .empty, .number(1), .empty, .empty, .empty],
                [.text("P-404"), .empty, .number(1), .empty, .empty, .empty],
            ])
            let checked = try await Self.upload(api, fixed, token: district)
            #expect(checked.status == .unprocessableContent)
            #expect(Self.errors(checked) == ["2|版本", "4|项目编号", "5|项目编号"], "\(String(buffer: checked.body))")
            let reports = try await api.request(.get, "/api/v1/reports?month=2026-03", token: district)
            #expect(reports.object["total"] as? Int == 1)
            #expect(reports.items.first?["version"] as? Int == 2)
        }
    }

    @Test func anApprovedReportIsLockedForTheDistrict() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let county = try await api.signIn(api.fixture.county, "editor")
            let project = try await api.createProject(token: district, code: "P-001")
            _ = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: district, json: ["investment_completed": 5])
            let approved = try await api.request(.post, "/api/v1/projects/\(project)/reports/2026-03/review", token: county,
                                                 json: ["decision": "approve"], headers: ifMatch(1))
            #expect(approved.status == .ok)
            let version = try #require(approved.object["version"] as? Int)
            let file = try Self.sheet([[.text("P-001"), .empty, .number(6), .empty, .empty, .number(Decimal(version))]])
            let refused = try await Self.upload(api, file, token: district)
            #expect(Self.errors(refused) == ["2|本月完成投资(万元)"], "\(String(buffer: refused.body))")
            #expect(try await Self.upload(api, file, token: county).object["replaced"] as? Int == 1)
        }
    }

        @Test func dryRunCountsAndWritesNothing() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            _ = try await api.createProject(token: district, code: "P-001")
            let csv = try Self.sheet([[.text("P-001"), .empty, .number(3), .text("=cmd"), .empty, .empty]], format: .csv)
            let dry = try await Self.upload(api, csv, token: district, query: "month=2026-03&dry_run=true")
            #expect(dry.status == .ok)
            #expect(dry.object["created"] as? Int == 1 && dry.object["import_id"] is NSNull)
            #expect(try await api.request(.get, "/api/v1/reports?month=2026-03", token: district).object["total"] as? Int == 0)
            let real = try await Self.upload(api, csv, token: district)
            #expect(real.object["created"] as? Int == 1)
            // the formula guard the CSV writer added is taken off again: the text is as typed
            #expect(try await api.request(.get, "/api/v1/reports?month=2026-03", token: district).items.first?["progress"] as? String == "=cmd")
        }
    }

    @Test func hostileAndWrongFilesGetClearAnswers() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let viewer = try await api.signIn(api.fixture.district1, "viewer")
            let xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1024))
            let old = try await Self.upload(api, xls, token: district)
            #expect(old.status == .unsupportedMediaType)
            #expect(old.object["code"] as? String == "file_unsupported")
            #expect((old.object["detail"] as? String)?.contains(".xlsx") == true)
            let tooBig = try await Self.upload(api, Data(count: (20 << 20) + 1), token: district)
            #expect(tooBig.status == .contentTooLarge)
            let noHeader = try await Self.upload(api, Data("a,b\r\n1,2\r\n".utf8), token: district)
            #expect(Self.errors(noHeader) == ["1|本月完成投资(万元)", "1|项目编号"])
            let nul = try await Self.upload(api, Data("项目代码,本月完成投资(万元)\r\nP\u{0}1,2\r\n".utf8), token: district)
            #expect(nul.status == .unprocessableContent)
            #expect(try await Self.upload(api, Data(), token: district).status == .unprocessableContent)
            #expect(try await Self.upload(api, Data("x".utf8), token: district, query: "month=2026-13").errorFields == ["month"])
            #expect(try await Self.upload(api, Data("x".utf8), token: viewer).status == .forbidden)
        }
    }

    static func hex(_ data: Data) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        try? data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }
}
