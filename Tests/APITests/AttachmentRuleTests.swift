import Campaign
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Attachments follow their month's report (locked once approved, none for a month not begun)
/// and are stored under a safe name: NFC, no bidi controls, the extension of the verified type.
@Suite struct AttachmentRuleTests {
    func upload(_ api: APIClient, token: String, project: Int, _ bytes: [UInt8], type: String, query: String) async throws -> TestResponse {
        try await api.client.execute(
            uri: "/api/v1/projects/\(project)/attachments?\(query)", method: .post,
            headers: [.authorization: "Bearer \(token)", .contentType: type], body: ByteBuffer(bytes: bytes))
    }

    func encoded(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    /// A D1 project with a March report approved by the county: D1's and the county's editors'
    /// tokens and the project's id.
    func approvedMarch(_ api: APIClient) async throws -> (district: String, county: String, project: Int) {
        let district = try await api.signIn(api.fixture.district1, "editor")
        let county = try await api.signIn(api.fixture.county, "editor")
        let project = try await api.createProject(token: district)
        let path = "/api/v1/projects/\(project)/reports/2026-03"
        #expect(try await api.request(.put, path, token: district, json: ["investment_completed": 100, "progress": "基础施工"]).status == .created)
        let approved = try await api.request(.post, path + "/review", token: county, json: ["decision": "approve"], headers: ifMatch(1))
        #expect(approved.status == .ok, "\(String(buffer: approved.body))")
        return (district, county, project)
    }

    @Test func aDistrictCannotAttachToAnApprovedMonth() async throws {
        try await APIHarness.run { api in
            let (district, county, project) = try await approvedMarch(api)
            // MUT
            let refused = try await upload(api, token: district, project: project, TestFiles.pdf(size: 100), type: "application/pdf",
                                           query: "month=2026-03&filename=a.pdf")
            // validate: locked like the report; another month and the county still may
            #expect(refused.status == .conflict, "\(String(buffer: refused.body))")
            #expect(try await upload(api, token: district, project: project, TestFiles.pdf(size: 100), type: "application/pdf",
                                     query: "month=2026-04&filename=a.pdf").status == .created)
            #expect(try await upload(api, token: county, project: project, TestFiles.pdf(size: 100, seed: 2), type: "application/pdf",
                                     query: "month=2026-03&filename=a.pdf").status == .created)
        }
    }

    @Test func aDistrictCannotDeleteAnAttachmentOfAnApprovedMonth() async throws {
        try await APIHarness.run { api in
            let (district, county, project) = try await approvedMarch(api)
            let created = try await upload(api, token: county, project: project, TestFiles.pdf(size: 100), type: "application/pdf",
                                           query: "month=2026-03&filename=a.pdf")
            let id = try #require(created.object["id"] as? Int)
            // MUT
            let refused = try await api.request(.delete, "/api/v1/attachments/\(id)", token: district, headers: ifMatch(1))
            // validate
            #expect(refused.status == .conflict, "\(String(buffer: refused.body))")
            #expect(try await api.request(.delete, "/api/v1/attachments/\(id)", token: county, headers: ifMatch(1)).status == .noContent)
        }
    }

    @Test func aMonthThatHasNotBegunIs422() async throws {
        try await APIHarness.run(clock: .fixed(CalendarDate(year: 2026, month: 6, day: 15)!)) { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: district)
            // MUT
            let refused = try await upload(api, token: district, project: project, TestFiles.pdf(size: 100), type: "application/pdf",
                                           query: "month=2030-01&filename=a.pdf")
            // validate
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errorFields == ["month"])
        }
    }

    @Test func theExtensionIsThatOfTheVerifiedType() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: district)
            // MUT: PNG bytes (HTML after them) named .html; a PDF without an extension; a JPEG as .JPEG
            let html = TestFiles.png(size: 200) + Array("<html><script>alert(1)</script>".utf8)
            let renamed = try await upload(api, token: district, project: project, html, type: "image/png", query: "filename=report.html")
            let appended = try await upload(api, token: district, project: project, TestFiles.pdf(size: 100), type: "application/pdf",
                                            query: "filename=scan")
            let kept = try await upload(api, token: district, project: project,
                                        TestFiles.jpeg(bigEndian: true, taken: nil, latitude: nil, longitude: nil), type: "image/jpeg",
                                        query: "filename=SITE.JPEG")
            // validate
            #expect(renamed.object["filename"] as? String == "report.html.png")
            #expect(appended.object["filename"] as? String == "scan.pdf")
            #expect(kept.object["filename"] as? String == "SITE.JPEG")
        }
    }

    @Test func bidiControlsAreStrippedAndNamesAreNFC() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: district)
            // MUT: a right-to-left override hiding ".exe", and a decomposed é
            let spoofed = try await upload(api, token: district, project: project, TestFiles.png(size: 100), type: "image/png",
                                           query: "filename=" + encoded("rlo\u{202E}gnp.exe\u{2066}"))
            let decomposed = try await upload(api, token: district, project: project, TestFiles.png(size: 100, seed: 1), type: "image/png",
                                              query: "filename=" + encoded("cafe\u{0301}.png"))
            // validate
            #expect(spoofed.object["filename"] as? String == "rlognp.exe.png")
            #expect((decomposed.object["filename"] as? String)?.unicodeScalars.map(\.value) == "caf\u{00E9}.png".unicodeScalars.map(\.value))
        }
    }

    @Test func lengthsCountAsTheDatabaseCounts() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: district)
            // 251 letters and a combining mark that composes with none: 256 scalars, 255 characters
            let long = String(repeating: "a", count: 250) + "q\u{0301}.png"
            // MUT
            let refused = try await upload(api, token: district, project: project, TestFiles.png(size: 100), type: "image/png",
                                           query: "filename=" + encoded(long))
            // validate: a 422 that says the limit, not the database's check
            #expect(refused.status == .unprocessableContent, "\(String(buffer: refused.body))")
            #expect(refused.errorFields == ["filename"])
            #expect(String(buffer: refused.body).contains("255"))
        }
    }
}
