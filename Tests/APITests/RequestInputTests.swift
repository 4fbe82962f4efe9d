import Foundation
import HTTPTypes
import Hummingbird
import Testing
import TestSupport

/// What the shared reading layer refuses, for every route: NUL in any string (body at any depth,
/// query, path), JSON that RFC 8259 does not allow, media types that are not JSON, weak ETags.
@Suite struct RequestInputTests {
    @Test func nulInAnyStringIs422NamingTheField() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let report = "/api/v1/projects/\(project)/reports/2026-03"
            // the issue's case: stored cut at the NUL and answered 2xx before
            let cut = try await api.request(.put, report, token: token, raw: #"{"investment_completed":1,"progress":"before\u0000after"}"#)
            #expect(cut.status == .unprocessableContent && cut.errorFields == ["progress"])
            #expect(try await api.request(.get, "/api/v1/projects/\(project)/reports", token: token).object["total"] as? Int == 0)
            let name = try await api.request(.patch, "/api/v1/projects/\(project)", token: token, raw: #"{"name":"a\u0000"}"#, headers: ifMatch(1))
            #expect(name.status == .unprocessableContent && name.errorFields == ["name"])
            // at any depth, and in member names; every one at once
            let county = try await api.signIn(api.fixture.county, "editor")
            let nested = try await api.request(.put, "/api/v1/schemes/2026", token: county,
                                               raw: #"{"weights":{"fai":1,"x\u0000":2},"quarter_shares":[0.2,"\u0000"],"cap":1.2}"#)
            #expect(nested.status == .unprocessableContent)
            #expect(Set(nested.errorFields) == ["weights.x\\u0000", "quarter_shares[1]"])
            // query and path parameters
            let query = try await api.request(.get, "/api/v1/projects?q=a%00b", token: token)
            #expect(query.status == .unprocessableContent && query.errorFields == ["q"])
            #expect(query.problemCodes.first == "contains_nul")
            let path = try await api.request(.get, "/api/v1/projects/\(project)%00", token: token)
            #expect(path.status == .unprocessableContent && path.errorFields == ["id"])
            // a plain string still goes through
            #expect(try await api.request(.put, report, token: token, raw: #"{"investment_completed":1,"progress":"before\u0001after"}"#).status == .created)
        }
    }

    @Test func strictJSONIs400WithThePosition() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let path = "/api/v1/projects/\(project)"
            let trailing = try await api.request(.patch, path, token: token, raw: #"{"owner":"x",}"#, headers: english(ifMatch(1)))
            #expect(trailing.status == .badRequest && trailing.object["code"] as? String == "json_invalid")
            #expect((trailing.object["detail"] as? String)?.contains("trailing comma before '}' at line 1, column 14") == true)
            let duplicate = try await api.request(.patch, path, token: token, raw: #"{"owner":"a","owner":"b"}"#, headers: english(ifMatch(1)))
            #expect(duplicate.status == .badRequest)
            #expect((duplicate.object["detail"] as? String)?.contains(#"duplicate member name "owner""#) == true)
            #expect(try await api.request(.get, path, token: token).object["version"] as? Int == 1, "nothing was written")
        }
    }

    @Test func onlyJSONMediaTypesAreRead() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let path = "/api/v1/projects/\(project)"
            for type in ["application/jsonx", "application/json-seq", "text/json", "application/x-json", "application/+json",
                         "text/plain", "application/json; charset=iso-8859-1", "json", ""] {
                let response = try await api.request(.patch, path, token: token, raw: #"{"owner":"x"}"#, headers: [.contentType: type, .ifMatch: "\"1\""])
                #expect(response.status == .unsupportedMediaType, "\(type)")
            }
            var version = 1
            for type in ["application/json", "APPLICATION/Json", " application/json\t", "Application/JSON; charset=UTF-8", "application/json;charset=\"utf-8\"",
                         "application/merge-patch+json", "application/vnd.projectyear+json; version=1"] {
                let response = try await api.request(.patch, path, token: token, raw: #"{"owner":"x\#(version)"}"#,
                                                     headers: [.contentType: type, .ifMatch: "\"\(version)\""])
                #expect(response.status == .ok, "\(type)")
                version += 1
            }
        }
    }

    @Test func aWeakETagNeverMatches() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.district1, "editor")
            let project = try await api.createProject(token: token)
            let weak = try await api.request(.patch, "/api/v1/projects/\(project)", token: token, json: ["owner": "x"], headers: [.ifMatch: "W/\"1\""])
            #expect(weak.status == .preconditionFailed && weak.object["current_version"] as? Int == 1)
            let report = "/api/v1/projects/\(project)/reports/2026-03"
            #expect(try await api.request(.put, report, token: token, json: MonthlyReportTests.report).status == .created)
            let replace = try await api.request(.put, report, token: token, json: MonthlyReportTests.report, headers: [.ifMatch: "W/\"1\""])
            #expect(replace.status == .preconditionFailed && replace.object["current_version"] as? Int == 1)
            // anything but one strong tag matches no version either
            for other in ["1", "0", "\"1", "\"01\"", "\"1\", \"2\"", "\"x\"", "*", "\"10000000000\""] {
                let response = try await api.request(.patch, "/api/v1/projects/\(project)", token: token, json: ["owner": "x"], headers: [.ifMatch: other])
                #expect(response.status == .preconditionFailed && response.object["current_version"] as? Int == 1, "\(other)")
            }
        }
    }
}
