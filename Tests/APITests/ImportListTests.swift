import Foundation
import HTTPTypes
import HummingbirdTesting
import Spreadsheet
import Testing
import TestSupport

/// `GET /imports`: the record of imports under the table's row-level security (the county sees
/// every import, any other agency its own), newest first, paged, and as a spreadsheet.
@Suite struct ImportListTests {
    /// One import through the API by each district, then four more of district 1 written as the
    /// superuser: district 1 has five (ids 1, 3, 4, 5, 6), district 2 one (id 2).
    func recordImports(_ api: APIClient) async throws -> (d1: [Int], d2: Int) {
        let d1 = try await api.signIn(api.fixture.district1, "editor")
        let d2 = try await api.signIn(api.fixture.district2, "editor")
        _ = try await api.createProject(token: d1, code: "P-001")
        _ = try await api.createProject(token: d2, code: "Q-001", district: api.fixture.district2)
        var ids: [Int] = []
        for (token, code) in [(d1, "P-001"), (d2, "Q-001")] {
            let sheet = try ImportTests.sheet([[.text(code), .text("项目 \(code)"), .number(10), .empty, .empty, .empty]])
            let imported = try await ImportTests.upload(api, sheet, token: token, query: "month=2026-03&filename=\(code).xlsx")
            #expect(imported.status == .ok, "\(String(buffer: imported.body))")
            ids.append(try #require(imported.object["import_id"] as? Int))
        }
        let more: [Int] = try api.database.connect().query("""
            INSERT INTO app.imports (kind, file_name, sha256, rows, created, replaced, unchanged, agency_id, user_id)
            SELECT 'projects', 'd1-' || n || '.xlsx', repeat('a', 64), n, n, 0, 0, \(api.fixture.district1.id), u.id
              FROM generate_series(1, 4) n CROSS JOIN app.users u WHERE u.username = 'd1-editor'
             ORDER BY n
            RETURNING id
            """).map { Int(try $0.decode("id", as: Int64.self)) }
        return ([ids[0]] + more, ids[1])
    }

    func ids(_ response: TestResponse) -> [Int] { response.items.compactMap { $0["id"] as? Int } }

    @Test func eachAgencySeesItsOwnImportsNewestFirstAndTheCountySeesAll() async throws {
        try await APIHarness.run { api in
            let (d1Imports, d2Import) = try await recordImports(api)
            // MUT: a viewer of district 1, an editor of district 2, a department, the county
            let d1 = try await api.request(.get, "/api/v1/imports", token: try await api.signIn(api.fixture.district1, "viewer"))
            let d2 = try await api.request(.get, "/api/v1/imports", token: try await api.signIn(api.fixture.district2, "editor"))
            let drc = try await api.request(.get, "/api/v1/imports", token: try await api.signIn(api.fixture.drc, "editor"))
            let county = try await api.request(.get, "/api/v1/imports", token: try await api.signIn(api.fixture.county, "viewer"))
            // validation
            #expect(d1.status == .ok && ids(d1) == d1Imports.reversed() && d1.object["total"] as? Int == 5)
            #expect(d1.items.allSatisfy { $0["agency_id"] as? Int == Int(api.fixture.district1.id) })
            let oldest = try #require(d1.items.last)
            #expect(oldest["kind"] as? String == "monthly_reports" && oldest["month"] as? String == "2026-03")
            #expect(oldest["file_name"] as? String == "P-001.xlsx")
            #expect((oldest["user"] as? [String: Any])?["display_name"] as? String == "南明区 editor")
            #expect(ids(d2) == [d2Import] && d2.object["total"] as? Int == 1)
            #expect(drc.status == .ok && drc.items.isEmpty && drc.object["total"] as? Int == 0)
            #expect(ids(county) == (d1Imports + [d2Import]).sorted(by: >) && county.object["total"] as? Int == 6)
            // another district's import is not found, one by one either
            let hidden = try await api.request(.get, "/api/v1/imports/\(d1Imports[0])", token: try await api.signIn(api.fixture.district2, "viewer"))
            #expect(hidden.status == .notFound)
        }
    }

    @Test func theListPagesWithLimitAndOffset() async throws {
        try await APIHarness.run { api in
            let (d1Imports, _) = try await recordImports(api)
            let token = try await api.signIn(api.fixture.district1, "editor")
            // MUT
            let first = try await api.request(.get, "/api/v1/imports?limit=2", token: token)
            let second = try await api.request(.get, "/api/v1/imports?limit=2&offset=2", token: token)
            let last = try await api.request(.get, "/api/v1/imports?limit=2&offset=4", token: token)
            // validation
            #expect(ids(first) + ids(second) + ids(last) == d1Imports.reversed())
            #expect(first.object["limit"] as? Int == 2 && last.object["offset"] as? Int == 4 && last.object["total"] as? Int == 5)
            let beyond = try await api.request(.get, "/api/v1/imports?offset=50", token: token)
            #expect(beyond.status == .ok && beyond.items.isEmpty && beyond.object["total"] as? Int == 5)
            let bad = try await api.request(.get, "/api/v1/imports?limit=0&offset=x", token: token)
            #expect(bad.status == .unprocessableContent && Set(bad.errorFields) == ["limit", "offset"], "\(bad.errorFields)")
            let format = try await api.request(.get, "/api/v1/imports?format=pdf", token: token)
            #expect(format.status == .unprocessableContent && format.errorFields == ["format"])
        }
    }

    @Test func theWholeVisibleListDownloadsAsASpreadsheet() async throws {
        try await APIHarness.run { api in
            let (d1Imports, _) = try await recordImports(api)
            let token = try await api.signIn(api.fixture.district1, "viewer")
            // MUT: CSV (one page's limit does not cut the file) and .xlsx by Accept
            let csv = try await api.request(.get, "/api/v1/imports?format=csv&limit=1", token: token)
            let xlsx = try await api.request(.get, "/api/v1/imports", token: token,
                                             headers: [.accept: SpreadsheetFormat.xlsx.contentType])
            // validation
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let disposition = try #require(csv.headers[.contentDisposition])
            #expect(disposition.contains(ContentDispositionName.encoded("导入记录-")), "\(disposition)")
            let rows = try DownloadTests.rows(csv)
            #expect(try rows[0].cells.map { try $0.text() }
                == ["编号", "类型", "月份", "文件名", "行数", "新增", "替换", "未变", "导入单位", "导入人", "导入时间", "SHA-256"])
            #expect(try rows.dropFirst().map { try $0[0].decimal() } == d1Imports.reversed().map { Decimal?.some(Decimal($0)) })
            let oldest = try #require(rows.last)
            #expect(try oldest[1].text() == "月报导入" && oldest[2].text() == "2026-03" && oldest[3].text() == "P-001.xlsx")
            #expect(try oldest[8].text() == "南明区" && oldest[9].text() == "南明区 editor")
            #expect(try rows[1][1].text() == "项目导入" && rows[1][4].decimal() == 4)
            #expect(xlsx.status == .ok && xlsx.headers[.contentType] == SpreadsheetFormat.xlsx.contentType)
            #expect(try DownloadTests.rows(xlsx).count == rows.count)
        }
    }
}
