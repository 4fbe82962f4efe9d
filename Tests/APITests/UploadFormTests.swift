import Foundation
import HTTPTypes
import HummingbirdTesting
import Spreadsheet
import Testing
import TestSupport

/// Uploads as clerks make them: Excel's Chinese CSV (GB18030), a browser form (multipart), the
/// national code in the key column, and rows the uploader may not write.
@Suite struct UploadFormTests {
    /// `项目编号,项目名称,本月完成投资(万元),形象进度,存在问题,版本` and one row for P-001 with
    /// `"1,234.50"`, as Excel in China saves "CSV (逗号分隔)": GB18030.
    static let gb18030CSV = Data(hex: """
        cfeec4bfb1e0bac52ccfeec4bfc3fbb3c62cb1bed4c2cdeab3c9cdb6d7ca28cdf2d4aa292cd0cecff3bdf8b6c82cb4e6d4dacecacce22cb0e6b1be0d0a\
        502d3030312ccfeec4bf20502d3030312c22312c3233342e3530222cd6f7cce5caa9b9a42c2c0d0a
        """)

    @Test func aGB18030CSVImportsAndTheAnswerNamesTheEncoding() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: district, code: "P-001")
            // MUT
            let response = try await api.request(.post, "/api/v1/imports/monthly-reports?month=2026-03", token: district,
                                                 bytes: Self.gb18030CSV, headers: [.contentType: "text/csv"])
            // validate
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            #expect(response.object["encoding"] as? String == "gb18030")
            let report = try await api.request(.get, "/api/v1/projects/\(project)/reports", token: district)
            #expect(report.items.first?["progress"] as? String == "主体施工")
            #expect((report.items.first?["investment_completed"] as? NSNumber)?.doubleValue == 1234.5)
        }
    }

    @Test func aUTF16CSVIsRefusedSayingHowToSaveIt() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            var utf16 = Data([0xFF, 0xFE])
            for unit in "项目编号,本月完成投资\r\n".utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
            let response = try await api.request(.post, "/api/v1/imports/monthly-reports?month=2026-03", token: district,
                                                 bytes: utf16, headers: [.contentType: "text/csv"])
            #expect(response.status == .unprocessableContent)
            #expect((response.object["detail"] as? String)?.contains("UTF-16") == true, "\(String(buffer: response.body))")
        }
    }

    @Test func aMultipartFormWithOneFileImportsUnderItsName() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            _ = try await api.createProject(token: district, code: "P-001")
            let csv = Data("\u{FEFF}项目编号,本月完成投资(万元)\r\nP-001,１２.５万元\r\n".utf8)
            var body = Data("--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n备注\r\n".utf8)
            body += Data("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"南明区月报.csv\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
            body += csv + Data("\r\n--XyZ--\r\n".utf8)
            // MUT
            let response = try await api.request(.post, "/api/v1/imports/monthly-reports?month=2026-03", token: district,
                                                 bytes: body, headers: [.contentType: "multipart/form-data; boundary=XyZ"])
            // validate
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            #expect(response.object["created"] as? Int == 1 && response.object["encoding"] as? String == "utf-8")
            let record = try await api.request(.get, "/api/v1/imports/\(response.object["import_id"] as? Int ?? 0)", token: district)
            #expect(record.object["file_name"] as? String == "南明区月报.csv")
        }
    }

    @Test func aMultipartFormWithTwoFilesIsRefused() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let part = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n项目编号\r\n"
            let response = try await api.request(.post, "/api/v1/imports/monthly-reports?month=2026-03", token: district,
                                                 bytes: Data((part + part + "--B--\r\n").utf8), headers: [.contentType: "multipart/form-data; boundary=B"])
            #expect(response.status == .unprocessableContent)
            #expect((response.object["detail"] as? String)?.contains("一次只上传一个文件") == true)
        }
    }

    @Test func theTemplatesKeyColumnTakesTheNationalCode() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: district, code: "P-001")
            let patch = try await api.request(.patch, "/api/v1/projects/\(project)", token: district,
                                              json: ["national_code": NationalCodeTests.code], headers: ifMatch(1))
            #expect(patch.status == .ok)
            let csv = Data("项目代码,本月完成投资(万元)\r\n\(NationalCodeTests.code),7\r\n".utf8)
            // MUT
            let response = try await api.request(.post, "/api/v1/imports/monthly-reports?month=2026-03", token: district,
                                                 bytes: csv, headers: [.contentType: "text/csv"])
            // validate
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            #expect(response.object["created"] as? Int == 1)
            let template = try await api.request(.get, "/api/v1/imports/monthly-reports/template?month=2026-03", token: district)
            #expect(try UploadedSheet.rows(of: Data(buffer: template.body))[0][0].text() == "项目编号")
        }
    }

    @Test func aRowMovingAProjectToAnotherDistrictIsRefusedNamingRowAndColumn() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            _ = try await api.createProject(token: district, code: "P-001")
            let download = try await api.request(.get, "/api/v1/projects?format=csv", token: district)
            var text = String(decoding: Data(buffer: download.body).dropFirst(3), as: UTF8.self)
            text = text.replacingOccurrences(of: ",南明区,", with: ",花溪区,")
            // MUT
            let response = try await api.request(.post, "/api/v1/imports/projects", token: district, bytes: Data(text.utf8),
                                                 headers: [.contentType: "text/csv"])
            // validate
            #expect(response.status == .unprocessableContent, "\(String(buffer: response.body))")
            #expect(ImportTests.errors(response) == ["2|所在区县"])
        }
    }

    @Test func aDepartmentsUnchangedRowsOfADistrictAreRefused() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let department = try await api.signIn(api.fixture.industry, "editor")
            _ = try await api.createProject(token: district, code: "P-001")
            let download = try await api.request(.get, "/api/v1/projects?format=csv", token: department)
            #expect(try UploadedSheet.rows(of: Data(buffer: download.body)).count == 2)
            // MUT: the department uploads the district's project unchanged
            let response = try await api.request(.post, "/api/v1/imports/projects", token: department, bytes: Data(buffer: download.body),
                                                 headers: [.contentType: "text/csv"])
            // validate: refused, and no import recorded
            #expect(response.status == .unprocessableContent, "\(String(buffer: response.body))")
            #expect(ImportTests.errors(response).count == 1)
            let imports = try await api.request(.get, "/api/v1/imports", token: department)
            #expect(imports.object["total"] as? Int == 0)
        }
    }
}

extension UploadFormTests {
    @Test func aRefusedUploadComesBackAsTheSameSheetWithItsErrors() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            _ = try await api.createProject(token: district, code: "P-001")
            let file = try ImportTests.sheet([
                [.text("P-001"), .text("项目 P-001"), .text("一百"), .text("主体施工"), .empty, .empty],
                [.text("P-404"), .text("没有的项目"), .number(5), .empty, .empty, .empty],
            ])
            // MUT
            let response = try await api.request(.post, "/api/v1/imports/monthly-reports?month=2026-03&format=xlsx", token: district,
                                                 bytes: file, headers: [.contentType: SpreadsheetFormat.xlsx.contentType])
            // validate: the same rows, a 错误说明 column naming each error, nothing written
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            #expect(response.headers[.contentType] == SpreadsheetFormat.xlsx.contentType)
            #expect(response.headers[HTTPField.Name("X-Import-Errors")!] == "2")
            #expect(response.headers[.contentDisposition]?.contains(ContentDispositionName.encoded("月报导入错误说明-2026年3月.xlsx")) == true)
            let rows = try UploadedSheet.rows(of: Data(buffer: response.body))
            #expect(try rows[0].cells.map { try $0.text() } == ImportTests.headers + ["错误说明"])
            #expect(try rows[1][2].text() == "一百" && rows[2][0].text() == "P-404")
            #expect(try rows[1][7].text()?.hasPrefix("本月完成投资(万元)：") == true)
            #expect(try rows[2][7].text()?.hasPrefix("项目编号：") == true)
            let reports = try await api.request(.get, "/api/v1/reports?month=2026-03", token: district)
            #expect(reports.object["total"] as? Int == 0)
            let imports = try await api.request(.get, "/api/v1/imports", token: district)
            #expect(imports.object["total"] as? Int == 0)
        }
    }
}

extension Data {
    /// Bytes from hexadecimal digits (whitespace ignored).
    init(hex: String) {
        let digits = hex.filter(\.isHexDigit)
        self.init(stride(from: 0, to: digits.count, by: 2).map { offset in
            let start = digits.index(digits.startIndex, offsetBy: offset)
            return UInt8(digits[start...digits.index(after: start)], radix: 16)!
        })
    }
}

extension UploadFormTests {
    @Test func anAttachmentSentAsAFormIsStoredUnderItsPartsNameAndType() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: district, code: "P-001")
            let png = TestFiles.png(size: 2_000, seed: 5)
            var body = Data("--F\r\nContent-Disposition: form-data; name=\"file\"; filename=\"工地照片.png\"\r\nContent-Type: image/png\r\n\r\n".utf8)
            body += Data(png) + Data("\r\n--F--\r\n".utf8)
            // MUT
            let response = try await api.request(.post, "/api/v1/projects/\(project)/attachments?month=2026-03", token: district,
                                                 bytes: body, headers: [.contentType: "multipart/form-data; boundary=F"])
            // validate
            #expect(response.status == .created, "\(String(buffer: response.body))")
            #expect(response.object["filename"] as? String == "工地照片.png" && response.object["size"] as? Int == png.count)
            let content = try await api.request(.get, "/api/v1/attachments/\(response.object["id"] as? Int ?? 0)/content", token: district)
            #expect(Array(content.body.readableBytesView) == png)
            #expect(content.headers[.contentDisposition]?.hasSuffix(ContentDispositionName.encoded("工地照片.png")) == true)
        }
    }
}
