import Foundation
import HTTPTypes
import HummingbirdTesting
import Spreadsheet
import Testing

/// Every list downloads: each GET the OpenAPI document declares `format` on answers both
/// formats as a file with Chinese headers and a Chinese file name.
@Suite struct ListDownloadTests {
    /// The concrete URL of a documented path: path parameters from `ids`, required query
    /// parameters with a value that names something that exists.
    static func url(_ path: String, parameters: [[String: Any]], ids: [String: Int]) -> String {
        var url = path
        for (name, value) in ids { url = url.replacingOccurrences(of: "{\(name)}", with: String(value)) }
        url = url.replacingOccurrences(of: "{year}", with: "2026")
        if path.contains("/projects/{id}") { url = url.replacingOccurrences(of: "{id}", with: String(ids["project"]!)) }
        if path.contains("/deals/{id}") { url = url.replacingOccurrences(of: "{id}", with: String(ids["deal"]!)) }
        if path.contains("/parks/{id}") { url = url.replacingOccurrences(of: "{id}", with: String(ids["park"]!)) }
        let values = ["month": "2026-03", "year": "2026", "period": "Q1", "status": "submitted"]
        let required = parameters.filter { $0["in"] as? String == "query" && $0["required"] as? Bool == true }
            .compactMap { $0["name"] as? String }
        return url + "?" + required.map { "\($0)=\(values[$0] ?? "")&" }.joined()
    }

    /// Whether a `format` parameter offers the sheets (a Word document's `format=docx` does not).
    static func offersSheets(_ parameter: [String: Any]) -> Bool {
        let values = (parameter["schema"] as? [String: Any])?["enum"] as? [String]
        return values.map { $0.contains("xlsx") } ?? true
    }

    @Test func everyListDownloadsInBothFormatsWithChineseHeadersAndFileName() async throws {
        try await APIHarness.run { api in
            // setup: one row in most lists
            let district = try await api.signIn(api.fixture.district1, "editor")
            let county = try await api.signIn(api.fixture.county, "editor")
            let project = try await api.createProject(token: district, code: "P-001")
            _ = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: district,
                                      json: ["investment_completed": 12.5, "progress": "主体施工", "problems": ""])
            _ = try await api.request(.post, "/api/v1/projects/\(project)/problems", token: district,
                                      json: ["kind": "land", "description": "用地未落实"])
            let team = try await api.request(.post, "/api/v1/attraction/teams", token: county,
                                             json: ["name": "工业招商组", "lead_department_id": api.fixture.industry.id])
            let deal = try await api.request(.post, "/api/v1/attraction/deals", token: county, json: [
                "team_id": team.object["id"] as? Int ?? 0, "investor": "中建集团", "investor_kind": "central_soe",
                "signed_amount": 5000, "signed_on": "2026-02-03", "district_id": api.fixture.district1.id,
            ])
            let quota = try await api.request(.put, "/api/v1/land/quotas/2026", token: county, json: ["quota_mu": 100])
            #expect(quota.status == .created)
            let ids = ["project": project, "deal": deal.object["id"] as? Int ?? 0, "park": Int(api.fixture.park1)]
            let document = try await api.request(.get, "/api/v1/openapi.json").object
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var checked = 0
            for (path, operations) in paths.sorted(by: { $0.key < $1.key }) {
                guard let get = operations["get"] as? [String: Any], let parameters = get["parameters"] as? [[String: Any]],
                      parameters.contains(where: { $0["name"] as? String == "format" && Self.offersSheets($0) }) else { continue }
                let url = Self.url(path, parameters: parameters, ids: ids)
                for format in SpreadsheetFormat.allCases {
                    // MUT
                    let response = try await api.request(.get, url + "format=\(format.rawValue)", token: county)
                    // validate: rankings have no published run here
                    if path == "/api/v1/rankings" { #expect(response.status == .notFound); continue }
                    #expect(response.status == .ok, "\(url) \(format): \(String(buffer: response.body))")
                    #expect(response.headers[.contentType] == format.contentType, "\(url)")
                    let disposition = response.headers[.contentDisposition] ?? ""
                    #expect(disposition.contains("filename*=UTF-8''%E"), "\(url): \(disposition)")
                    #expect(disposition.hasSuffix(".\(format.rawValue)"), "\(url): \(disposition)")
                    let rows = try UploadedSheet.rows(of: Data(buffer: response.body))
                    let headers = try #require(rows.first, "\(url)").cells.map { try $0.text() ?? "" }
                    let english = headers.filter { $0 != "SHA-256" && !$0.unicodeScalars.contains { $0.value >= 0x4E00 } }
                    #expect(english.isEmpty, "\(url) has headers not in Chinese: \(english)")
                    checked += 1
                }
            }
            #expect(checked >= 2 * 28, "only \(checked) downloads checked")
        }
    }

    @Test func aProjectsRowsDownloadWithTypedCells() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: district, code: "P-001")
            let put = try await api.request(.put, "/api/v1/projects/\(project)/reports/2026-03", token: district,
                                            json: ["investment_completed": 1234.5, "progress": "主体施工", "problems": ""])
            #expect(put.status == .created)
            // MUT
            let response = try await api.request(.get, "/api/v1/projects/\(project)/reports?format=xlsx", token: district)
            // validate
            #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''%E6%9C%88%E6%8A%A5-") == true)
            let rows = try UploadedSheet.rows(of: Data(buffer: response.body))
            let headers = try rows[0].cells.map { try $0.text() ?? "" }
            func cell(_ header: String) throws -> ReadCell { rows[1][try #require(headers.firstIndex(of: header), "\(headers)")] }
            #expect(try cell("月份").date()! == (2026, 3, 1))
            #expect(try cell("本月完成投资（万元）").decimal() == Decimal(string: "1234.5"))
            #expect(try cell("存在问题") == .empty)
            #expect(try cell("状态").text() == "已报送")
            if case .number = try cell("报送时间") {} else { Issue.record("报送时间 is not a date-time cell: \(try cell("报送时间"))") }
        }
    }

    @Test func aListThatIsNotAPageAnswersJSONWithoutFormat() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.county, "viewer")
            let json = try await api.request(.get, "/api/v1/agencies", token: token)
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            let csv = try await api.request(.get, "/api/v1/agencies?format=csv", token: token)
            #expect(csv.headers[.contentType] == SpreadsheetFormat.csv.contentType)
            let rows = try UploadedSheet.rows(of: Data(buffer: csv.body))
            #expect(rows.count == api.fixture.agencies.count + 1)
            #expect(try rows[0].cells.map { try $0.text() }.prefix(3) == ["编号", "编码", "名称"])
        }
    }
}

/// The RFC 6266 `filename*` a download of `name` carries.
enum ContentDispositionName {
    static func encoded(_ name: String) -> String {
        let plain = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._")
        return "filename*=UTF-8''" + (name.addingPercentEncoding(withAllowedCharacters: plain) ?? name)
    }
}
