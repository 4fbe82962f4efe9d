import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Notifications: an agency's own only, read state per user, and those raised by the review.
@Suite struct NotificationTests {
    @Test func aReturnedReportTellsTheDistrictWithTheComment() async throws {
        try await APIHarness.run { api in
            let district = try await api.signIn(api.fixture.district1, "editor")
            let viewer = try await api.signIn(api.fixture.district1, "viewer")
            let drc = try await api.signIn(api.fixture.drc, "editor")
            let project = try await api.createProject(token: district, code: "P-009", category: "services")
            let path = "/api/v1/projects/\(project)/reports/2026-03"
            #expect(try await api.request(.put, path, token: district, json: ["investment_completed": 10]).status == .created)
            let returned = try await api.request(.post, path + "/review", token: drc, json: ["decision": "return", "comment": "形象进度描述过于简单"],
                                                 headers: ifMatch(1))
            #expect(returned.status == .ok)
            // MUT
            let list = try await api.request(.get, "/api/v1/notifications", token: district)
            // validation
            #expect(list.status == .ok && list.object["total"] as? Int == 1)
            let item = try #require(list.items.first)
            #expect(item["kind"] as? String == "report_returned" && item["read"] as? Bool == false && item["month"] as? String == "2026-03")
            #expect((item["title"] as? String)?.contains("P-009 项目 P-009") == true)
            #expect((item["body"] as? String)?.contains("形象进度描述过于简单") == true)
            #expect((item["subject"] as? [String: Any])?["type"] as? String == "report")
            #expect((item["subject"] as? [String: Any])?["project_id"] as? Int == Int(project))
            // the reviewer's agency and the county see none of it
            #expect(try await api.request(.get, "/api/v1/notifications", token: drc).object["total"] as? Int == 0)
            let county = try await api.signIn(api.fixture.county, "viewer")
            #expect(try await api.request(.get, "/api/v1/notifications", token: county).object["total"] as? Int == 0)
            let id = try #require(item["id"] as? Int)
            #expect(try await api.request(.post, "/api/v1/notifications/\(id)/read", token: drc).status == .notFound)
            // read state is per user
            #expect(try await api.request(.post, "/api/v1/notifications/\(id)/read", token: district).status == .noContent)
            #expect(try await api.request(.post, "/api/v1/notifications/\(id)/read", token: district).status == .noContent)
            #expect(try await api.request(.get, "/api/v1/notifications?unread=true", token: district).object["total"] as? Int == 0)
            #expect(try await api.request(.get, "/api/v1/notifications?unread=true", token: viewer).object["total"] as? Int == 1)
            #expect(try await api.request(.post, "/api/v1/notifications/read-all", token: viewer).status == .noContent)
            #expect(try await api.request(.get, "/api/v1/notifications?unread=true", token: viewer).object["total"] as? Int == 0)
            #expect(try await api.request(.get, "/api/v1/notifications", token: viewer).items.first?["read"] as? Bool == true)
            // returned again after a fix: told again (a new return)
            #expect(try await api.request(.put, path, token: district, json: ["investment_completed": 11], headers: ifMatch(2)).status == .ok)
            #expect(try await api.request(.post, path + "/review", token: drc, json: ["decision": "return", "comment": "仍需补充"],
                                          headers: ifMatch(3)).status == .ok)
            #expect(try await api.request(.get, "/api/v1/notifications?unread=true", token: district).object["total"] as? Int == 1)
            // bad parameters
            #expect(try await api.request(.get, "/api/v1/notifications?unread=yes", token: district).errorFields == ["unread"])
            #expect(try await api.request(.post, "/api/v1/notifications/abc/read", token: district).status == .unprocessableContent)
            let badResume = try await api.request(.get, "/api/v1/notifications/stream", token: district, headers: [HTTPField.Name("Last-Event-ID")!: "x"])
            #expect(badResume.status == .badRequest)
        }
    }

    @Test func aNotificationIsWordedInTheReadersLanguageInTheListAndItsDownload() async throws {
        try await APIHarness.run { api in
            // setup: a report returned with a comment that ends its own sentence
            let district = try await api.signIn(api.fixture.district1, "editor")
            let drc = try await api.signIn(api.fixture.drc, "editor")
            let project = try await api.createProject(token: district, code: "P-010", category: "services")
            let path = "/api/v1/projects/\(project)/reports/2026-03"
            #expect(try await api.request(.put, path, token: district, json: ["investment_completed": 10]).status == .created)
            #expect(try await api.request(.post, path + "/review", token: drc, json: ["decision": "return", "comment": "请补充照片！"],
                                          headers: ifMatch(1)).status == .ok)
            // MUT
            let chinese = try await api.request(.get, "/api/v1/notifications", token: district)
            let english = try await api.request(.get, "/api/v1/notifications", token: district, headers: [.acceptLanguage: "en"])
            let sheet = try await api.request(.get, "/api/v1/notifications?format=csv", token: district, headers: [.acceptLanguage: "zh-CN"])
            // validate
            let zh = try #require(chinese.items.first), en = try #require(english.items.first)
            #expect(zh["title"] as? String == "【月报退回】P-010 项目 P-010：2026年3月月报被退回")
            #expect(zh["body"] as? String == "退回意见：请补充照片。请修改后重新报送。")
            #expect(en["title"] as? String == "Report returned: P-010 项目 P-010, the 2026-03 report")
            #expect(en["body"] as? String == "Reviewer's comment: 请补充照片. Correct the report and submit it again.")
            #expect(String(buffer: sheet.body).contains("【月报退回】P-010 项目 P-010：2026年3月月报被退回"))
            // the subject in words, its project beside it
            let header = String(buffer: sheet.body).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            #expect(header.contains("对象类型,对象编号,对象所属项目ID"), "\(header)")
            #expect(String(buffer: sheet.body).contains(",月报,"))
        }
    }
}
