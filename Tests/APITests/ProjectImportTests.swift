import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Spreadsheet
import Testing
import TestSupport

/// Projects uploaded by 项目编号 from a sheet like the projects download.
@Suite struct ProjectImportTests {
    /// The downloaded rows as cells to write again (numbers stay numbers).
    static func cells(_ row: SheetRow) -> [Cell] {
        row.cells.map { cell -> Cell in
            switch cell {
            case .text(let text): .text(text)
            case .number(let number): .number(Decimal(string: number)!)
            default: .empty
            }
        }
    }

    static func file(header: SheetRow, rows: [[Cell]]) throws -> Data {
        let writer = try SpreadsheetFormat.xlsx.makeWriter()
        try writer.beginSheet(name: "项目库", columns: header.cells.map { Column((try? $0.text()) ?? "") })
        for row in rows { try writer.append(row) }
        let url = try writer.finish()
        defer { try? FileManager.default.removeItem(at: url) }
        return try Data(contentsOf: url)
    }

    static func upload(_ api: APIClient, _ data: Data, token: String, dryRun: Bool = false) async throws -> TestResponse {
        try await api.request(.post, "/api/v1/imports/projects\(dryRun ? "?dry_run=true" : "")", token: token, bytes: data,
                              headers: [.contentType: SpreadsheetFormat.xlsx.contentType])
    }

    @Test func aDownloadUploadsUnchangedAndEditsCreateAndReplace() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let first = try await api.createProject(token: district, code: "P-001")
            _ = try await api.createProject(token: district, code: "P-002")
            let download = try await api.request(.get, "/api/v1/projects?format=xlsx", token: district)
            let rows = try UploadedSheet.rows(of: Data(buffer: download.body))
            // the download as it is: nothing changes
            let same = try await Self.upload(api, Data(buffer: download.body), token: district)
            #expect(same.status == .ok, "\(String(buffer: same.body))")
            #expect(same.object["unchanged"] as? Int == 2 && same.object["replaced"] as? Int == 0)
            // one renamed, one new (its 版本 empty), in the district's words
            var renamed = Self.cells(rows[1])
            renamed[1] = .text("改名后的项目")
            var added = Self.cells(rows[2])
            added[0] = .text("P-NEW")
            added[5] = .text("在建")
            added[13] = .date(year: 2026, month: 2, day: 1)
            added += Array(repeating: .empty, count: max(0, 22 - added.count))
            added[21] = .empty
            // 项目代码, before 版本 (the last column)
            added[20] = .text("2026-520329-48-01-000123")
            let edited = try Self.file(header: rows[0], rows: [renamed, Self.cells(rows[2]), added])
            let dry = try await Self.upload(api, edited, token: district, dryRun: true)
            #expect(dry.object["created"] as? Int == 1 && dry.object["replaced"] as? Int == 1 && dry.object["unchanged"] as? Int == 1)
            #expect(try await api.request(.get, "/api/v1/projects", token: district).object["total"] as? Int == 2)
            let imported = try await Self.upload(api, edited, token: district)
            #expect(imported.status == .ok, "\(String(buffer: imported.body))")
            let project = try await api.request(.get, "/api/v1/projects/\(first)", token: district)
            #expect(project.object["name"] as? String == "改名后的项目" && project.object["version"] as? Int == 2)
            let history = try await api.request(.get, "/api/v1/projects/\(first)/history", token: district)
            let change = try #require(history.items.first?["changes"] as? [String: Any])
            let source = try #require(history.items.first?["source"] as? [String: Any])
            #expect(source["import_id"] as? Int == imported.object["import_id"] as? Int && source["row"] as? Int == 2)
            #expect((change["name"] as? [String: Any])?["label"] as? String == "名称")
            let list = try await api.request(.get, "/api/v1/projects?q=P-NEW", token: district)
            #expect(list.items.first?["stage"] as? String == "construction" && list.items.first?["actual_start"] as? String == "2026-02-01")
        }
    }

    @Test func rowsTheCallerMayNotWriteOrThatAreWrongFailAndNothingIsWritten() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let other = try await api.signIn(api.fixture.district2, "editor")
            _ = try await api.createProject(token: district, code: "P-001")
            _ = try await api.createProject(token: other, code: "Q-001", district: api.fixture.district2)
            let rows = try UploadedSheet.rows(of: Data(buffer: try await api.request(.get, "/api/v1/projects?format=xlsx", token: district).body))
            var stale = Self.cells(rows[1])
            stale[1] = .text("新名称")
            stale[21] = .number(9)
            var hidden = Self.cells(rows[1])
            hidden[0] = .text("Q-001")
            hidden[21] = .empty
            var elsewhere = Self.cells(rows[1])
            elsewhere[0] = .text("P-009")
            elsewhere[7] = .text("花溪区")
            elsewhere[21] = .empty
            var wrong = Self.cells(rows[1])
            wrong[0] = .text("P-010")
            wrong[3] = .text("矿业")
            wrong[5] = .text("竣工投产")
            wrong[21] = .empty
            let file = try Self.file(header: rows[0], rows: [stale, hidden, elsewhere, wrong])
            let response = try await Self.upload(api, file, token: district)
            #expect(response.status == .unprocessableContent)
            let errors = (response.object["errors"] as? [[String: Any]] ?? []).map { "\($0["row"] ?? "")|\($0["column"] ?? "")" }
            #expect(errors == ["2|版本（导入用，勿改）", "3|项目编号", "4|所在区县", "5|类别"], "\(String(buffer: response.body))")
            #expect(try await api.request(.get, "/api/v1/projects", token: district).object["total"] as? Int == 1)
            #expect(try await api.request(.get, "/api/v1/projects", token: other).items.first?["name"] as? String == "项目 Q-001")
        }
    }
}
