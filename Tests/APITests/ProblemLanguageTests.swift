import API
import Campaign
import Foundation
import HTTPTypes
import Testing
import TestSupport

/// Every route's error answers, generated from the route table: without a token, with a path
/// parameter that names nothing, with an id that does not exist and with a body that is not what
/// the route takes. Each problem carries a `code` from the catalogue, `detail` in Chinese by
/// default and in English when `Accept-Language` prefers it, and so do its field errors.
@Suite struct ProblemLanguageTests {
    /// The error requests of `route`: (what it tries, path, token, body).
    func attempts(_ route: APIRoute, token: String) -> [(String, String, String?, String?)] {
        let matrix = AccessMatrixTests()
        var list: [(String, String, String?, String?)] = []
        if route.access != .anyone { list.append(("no token", matrix.concretePath(route), nil, "{}")) }
        guard route.mediaType != "text/event-stream" else { return list }
        let missing = matrix.concretePath(route, id: "999999")
        let nonsense = "/api/v1/" + route.path.split(separator: "/").map { $0.hasPrefix(":") ? "x" : String($0) }.joined(separator: "/")
        if route.path.contains(":") {
            list.append(("path names nothing", nonsense, token, "{}"))
            list.append(("no such row", missing, token, #"{"unknown_member":1}"#))
        }
        if route.method != .get, route.method != .head, route.method != .delete {
            list.append(("not JSON", missing, token, "{not json"))
        }
        return list
    }

    func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test func everyRouteAnswersCodesWithChineseAndEnglishWords() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.county, "admin")
            let codes = Set(MessageCode.allCases.map(\.rawValue))
            var seen: Set<String> = []
            for route in AccessMatrixTests().routes(api) {
                for (what, path, caller, body) in attempts(route, token: token) {
                    let label = "\(route.method) \(route.path) (\(what))"
                    let chinese = try await api.request(route.method, path, token: caller, raw: body)
                    let english = try await api.request(route.method, path, token: caller, raw: body, headers: [.acceptLanguage: "en-US,en;q=0.9,zh;q=0.5"])
                    guard chinese.status.code >= 400, route.method != .head else { continue }
                    // validate: a catalogue code, the same in both languages; the words differ
                    let code = try #require(chinese.object["code"] as? String, "\(label): no code")
                    seen.insert(code)
                    #expect(codes.contains(code), "\(label): \(code) is not in the catalogue")
                    #expect(english.object["code"] as? String == code, "\(label)")
                    let detail = chinese.object["detail"] as? String ?? ""
                    let englishDetail = english.object["detail"] as? String ?? ""
                    #expect(hasChinese(detail), "\(label): detail \(detail)")
                    #expect(hasChinese(chinese.object["title"] as? String ?? ""), "\(label)")
                    #expect(!englishDetail.isEmpty && englishDetail != detail && !hasChinese(englishDetail), "\(label): \(englishDetail)")
                    #expect(chinese.headers[.contentLanguage] == "zh-CN" && english.headers[.contentLanguage] == "en", "\(label)")
                    for (zh, en) in zip(chinese.object["errors"] as? [[String: Any]] ?? [], english.object["errors"] as? [[String: Any]] ?? []) {
                        seen.insert(zh["code"] as? String ?? "")
                        #expect(codes.contains(zh["code"] as? String ?? ""), "\(label): field error \(zh)")
                        #expect(hasChinese(zh["message"] as? String ?? ""), "\(label): \(zh)")
                        #expect(en["code"] as? String == zh["code"] as? String && en["message"] as? String != zh["message"] as? String, "\(label)")
                    }
                }
            }
            // validate: the walk met the usual refusals
            #expect(seen.isSuperset(of: ["sign_in_required", "not_an_id", "not_found", "json_invalid", "invalid_fields"]), "\(seen.sorted())")
        }
    }
}
