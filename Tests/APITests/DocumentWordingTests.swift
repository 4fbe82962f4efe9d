import Campaign
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import ZIPFoundation

/// The generated Word documents (a monthly bulletin, the minutes of a meeting) read as county
/// staff write: their text passes the same lint as every message and notification.
@Suite struct DocumentWordingTests {
    /// The text of a .docx body: its paragraphs' runs, one paragraph a line.
    static func text(_ response: TestResponse) throws -> String {
        let archive = try Archive(data: Data(buffer: response.body), accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
        return String(decoding: xml, as: UTF8.self)
            .replacingOccurrences(of: "</w:p>", with: "\n")
            .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func lint(_ text: String) -> [String] {
        text.split(separator: "\n").flatMap { line in TextLint.problems(String(line)).map { "\($0): \(line)" } }
    }

    @Test func anIssuedMonthlyBulletinReadsAsCountyStaffWriteIt() async throws {
        try await Loop.run { api in
            // setup: projects whose figures run into thousands of 万元, one behind plan
            let county = try await api.signIn(api.fixture.county, "editor")
            let ahead = try api.majorProject("W-1", district: api.fixture.district1, lead: api.fixture.industry, monthly: 2_000)
            try api.report(ahead, months: 1...11, amount: 2_345.67)
            let behind = try api.majorProject("W-2", district: api.fixture.district1, lead: api.fixture.drc, monthly: 5_000)
            try api.report(behind, months: 1...10, amount: 1_000)
            let drafted = try await api.request(.post, "/api/v1/bulletins", token: county, json: ["kind": "monthly", "month": "2026-11"])
            let id = try #require(drafted.object["id"] as? Int)
            #expect(try await api.request(.post, "/api/v1/bulletins/\(id)/issue", token: county, headers: ifMatch(1)).status == .ok)
            // MUT
            let document = try await api.request(.get, "/api/v1/bulletins/\(id)?format=docx", token: county)
            // validate
            #expect(document.status == .ok)
            let text = try Self.text(document)
            #expect(text.contains("余发改通〔2026〕") && text.contains("W-2"))
            #expect(text.range(of: #"\d{1,3}(,\d{3})+\.\d{2}"#, options: .regularExpression) != nil, "money grouped in thousands")
            #expect(Self.lint(text) == [])
        }
    }

    @Test func everyDrawnAgendaItemAndTheMinutesReadAsCountyStaffWriteThem() async throws {
        try await Loop.run { api in
            // setup: a subject for every source, and a first meeting whose decision is carried over
            let county = try await api.signIn(api.fixture.county, "editor")
            _ = try MeetingTests().seedSources(api)
            let first = try await api.prepareMeeting(county, title: "十一月调度会")
            let firstID = try #require(first["id"] as? Int)
            let item = try #require(api.agenda(first).first?["id"] as? Int)
            let decided = try await api.decide(county, meeting: firstID, item: item, "加快投资进度", agency: api.fixture.drc)
            #expect(decided.status == .created || decided.status == .ok, "\(String(buffer: decided.body))")
            // MUT
            let meeting = try await api.prepareMeeting(county, title: "十二月调度会")
            let id = try #require(meeting["id"] as? Int)
            let minutes = try await api.request(.get, "/api/v1/meetings/\(id)/minutes?format=docx", token: county)
            // validate: every source drawn, each summary and the minutes pass the lint
            let agenda = api.agenda(meeting)
            #expect(Set(agenda.compactMap { $0["source"] as? String }) == Set(AgendaSource.allCases.map(\.rawValue)).subtracting(["manual"]))
            for entry in agenda {
                let summary = entry["summary"] as? String ?? ""
                #expect(TextLint.problems(summary).isEmpty && !summary.contains("{"), "\(entry["source"] ?? ""): \(summary)")
            }
            let behind = try #require(agenda.first { $0["source"] as? String == "behind_plan" }?["summary"] as? String)
            #expect(behind == "截至 2026年11月，累计完成投资 110.00 万元，为计划 1,100.00 万元的 10.0%，进度滞后")
            let slow = try #require(agenda.first { $0["source"] as? String == "slow_approval" }?["summary"] as? String)
            #expect(slow.hasPrefix("环评手续自 2026年10月1日 申请以来已办理 65 天"))
            #expect(minutes.status == .ok)
            let text = try Self.text(minutes)
            #expect(text.contains("十二月调度会") && text.contains("加快投资进度"))
            #expect(Self.lint(text) == [])
        }
    }
}
