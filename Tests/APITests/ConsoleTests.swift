import API
import Campaign
import Foundation
import Hummingbird
import HummingbirdTesting
import Postgres
import Prometheus
import Store
import Testing
import TestSupport

/// The web console: served from `Public/` at `/`, revalidated by ETag, with strict security headers.
@Suite struct ConsoleTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Public")

    func withConsole(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await TestDatabase.withEmpty { database in
            let pool = database.makePool()
            let dependencies = AppDependencies(
                database: Database(pool: pool), migrator: try Migrator(folder: TestDatabase.migrationsFolder),
                metrics: PrometheusCollectorRegistry(), consoleFolder: Self.folder.path
            )
            try await Application(router: buildRouter(dependencies)).test(.router, body)
            await pool.shutdown()
        }
    }

    @Test func indexIsServedAtTheRootWithSecurityHeadersAndAnETag() async throws {
        try await withConsole { client in
            // MUT
            let page = try await client.execute(uri: "/", method: .get)
            // validation
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: page.body).contains("<script type=\"module\" src=\"/js/app.js\"></script>"))
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'self'"))
            #expect(policy.contains("script-src 'self';"))
            #expect(!policy.contains("unsafe"))
            #expect(page.headers[HTTPFields.Element.Name("X-Frame-Options")!] == "DENY")
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            #expect(page.headers[HTTPFields.Element.Name("Referrer-Policy")!] == "same-origin")
            #expect(page.headers[.cacheControl] == "no-cache")
            let etag = try #require(page.headers[.eTag])
            let again = try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
        }
    }

    @Test func modulesAreJavaScriptAndTheAPIIsUnchanged() async throws {
        try await withConsole { client in
            let module = try await client.execute(uri: "/js/api.js", method: .get)
            #expect(module.status == .ok)
            #expect(module.headers[.contentType]?.contains("javascript") == true)
            let api = try await client.execute(uri: "/api/v1/me", method: .get)
            #expect(api.status == .unauthorized)
            #expect(api.headers[.xContentTypeOptions] == "nosniff")
            let missing = try await client.execute(uri: "/api/v1/no-such-thing", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            #expect(try await client.execute(uri: "/../Package.swift", method: .get).status != .ok)
        }
    }

    /// Every value the server sends of a vocabulary the console names has its Chinese word in the
    /// catalogue: `label()` shows the raw code when one is missing (a message read
    /// "problem_escalated" under its title).
    @Test func everyServerVocabularyHasItsChineseWord() throws {
        let catalogue = try String(contentsOf: Self.folder.appendingPathComponent("js/zh-CN.js"), encoding: .utf8)
        let groups: [(String, [String])] = [
            ("notice", NotificationKind.allCases.map(\.rawValue)),
            ("reportStatus", ReportStatus.allCases.map(\.rawValue)),
            ("category", ProjectCategory.allCases.map(\.rawValue)),
        ]
        for (group, values) in groups {
            for value in values {
                #expect(catalogue.contains("'\(group).\(value)':"), "zh-CN.js has no word for \(group).\(value)")
            }
        }
    }

    /// Where the server words a vocabulary too (spreadsheets, Word documents), the console's word
    /// is the same: one word per value, whichever the clerk reads it in.
    @Test func theConsoleWordsEachVocabularyAsTheServerDoes() throws {
        let catalogue = try String(contentsOf: Self.folder.appendingPathComponent("js/zh-CN.js"), encoding: .utf8)
        func words<V: ChineseLabelled>(_ group: String, _: V.Type) -> [(String, String)] {
            V.allCases.map { ("'\(group).\($0.rawValue)': '\($0.chineseLabel)'", "\(group).\($0.rawValue)") }
        }
        let expected = words("meetingKind", MeetingKind.self) + words("meetingStatus", MeetingStatus.self)
            + words("agendaSource", AgendaSource.self) + words("bulletinKind", BulletinKind.self)
            + words("bulletinStatus", BulletinStatus.self) + words("reportStatus", ReportStatus.self)
            + words("category", ProjectCategory.self) + words("period", Period.self) + words("role", UserRole.self)
            + words("runStatus", AssessmentRunRecord.Status.self) + words("itemStatus", ParkItemStatus.self)
            + words("problemStatus", ProblemStatus.self) + words("parkItem", ParkItem.self) + words("notice", NotificationKind.self)
            + words("serviceRole", ServiceRole.self) + words("subjectType", AgendaSubjectType.self) + words("importKind", ImportKind.self) + words("warning", WarningQueries.ProjectWarning.Reason.self)
        for (line, key) in expected {
            #expect(catalogue.contains(line), "zh-CN.js words \(key) otherwise than the server (\(line))")
        }
    }

    /// The policy forbids inline script and style; no file of the console may need them.
    @Test func noFileNeedsInlineScriptOrStyle() throws {
        let files = FileManager.default.enumerator(atPath: Self.folder.path)?.compactMap { $0 as? String } ?? []
        #expect(files.contains("index.html"))
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".js") {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains(" style=\""), "\(file) has an inline style attribute")
            #expect(!text.contains("eval("), "\(file) calls eval")
            #expect(!text.contains("new Function"), "\(file) builds a function from text")
            #expect(!text.contains("innerHTML"), "\(file) writes HTML from strings")
            if file.hasSuffix(".html") {
                #expect(!text.contains("<script>"), "\(file) has an inline script")
                #expect(!text.contains(" on"+"click="), "\(file) has an inline handler")
            }
        }
    }
}
