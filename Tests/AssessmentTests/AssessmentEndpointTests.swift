import API
import Assessment
import Foundation
import Hummingbird
import HummingbirdTesting
import Postgres
import Prometheus
import Store
import TestSupport
import Testing

/// The scheme, assessment, ranking and warning endpoints over HTTP, on real PostgreSQL.
@Suite struct AssessmentEndpointTests {
    /// Runs `body` with the county, signed-in users (`county`, `viewer`, `d1`, `dep1` tokens) and a test client.
    func withAPI(_ body: @escaping @Sendable (TestDatabase, any TestClientProtocol, County) async throws -> Void) async throws {
        try await TestDatabase.with { db in
            let admin = try db.connect()
            let county = try County.create(on: admin)
            for (token, agency, role) in [("county", "CTY", "editor"), ("viewer", "CTY", "viewer"),
                                          ("d1", "D1", "editor"), ("dep1", "DEP1", "editor")] {
                let user: Int64 = try admin.query("""
                    INSERT INTO app.users (agency_id, username, display_name, role, password_hash)
                    VALUES (\(county[agency]), \(token), \(token), \(role), 'unused') RETURNING id
                    """)[0].decode("id")
                try admin.execute("""
                    INSERT INTO app.sessions (token_hash, user_id, expires_at)
                    VALUES (sha256(convert_to(\(token), 'UTF8')), \(user), now() + interval '1 hour')
                    """)
            }
            let pool = db.makePool()
            let dependencies = AppDependencies(
                database: Database(pool: pool), migrator: try Migrator(folder: TestDatabase.migrationsFolder),
                metrics: PrometheusCollectorRegistry())
            let app = Application(router: buildRouter(dependencies))
            try await app.test(.router) { client in try await body(db, client, county) }
            await pool.shutdown()
        }
    }

    @Test func queueingValidatesAndIsCountyOnly() async throws {
        try await withAPI { _, client, _ in
            #expect(try await client.call(.post, "/api/v1/assessments", as: "county", json: #"{"year":2026,"period":"Q5"}"#).status == .unprocessableContent)
            let noTargets = try await client.call(.post, "/api/v1/assessments", as: "county", json: #"{"year":2030,"period":"Q1"}"#)
            #expect(noTargets.status == .unprocessableContent)
            #expect(noTargets.text.contains(#""code":"no_targets""#))
            #expect(try await client.call(.post, "/api/v1/assessments", as: "county", json: #"{"year":1999,"period":"Q1"}"#).status == .unprocessableContent)
            #expect(try await client.call(.post, "/api/v1/assessments", as: "county", json: #"{"year":2026,"period":"Q1","x":1}"#).status == .unprocessableContent)
            #expect(try await client.call(.post, "/api/v1/assessments", as: "county", json: #"{"year":2026"#).status == .badRequest)
            #expect(try await client.call(.post, "/api/v1/assessments", as: "d1", json: #"{"year":2026,"period":"Q1"}"#).status == .forbidden)
            #expect(try await client.call(.post, "/api/v1/assessments", as: "viewer", json: #"{"year":2026,"period":"Q1"}"#).status == .forbidden)
            #expect(try await client.call(.post, "/api/v1/assessments", as: nil, json: #"{"year":2026,"period":"Q1"}"#).status == .unauthorized)
            let queued = try await client.call(.post, "/api/v1/assessments", as: "county", json: #"{"year":2026,"period":"year"}"#)
            #expect(queued.status == .accepted)
            let object = try queued.object()
            #expect(object["status"] as? String == "queued" && object["id"] is Int)
        }
    }

    @Test func runsArePublishedOnceAndRanked() async throws {
        try await withAPI { db, client, _ in
            let queued = try await client.call(.post, "/api/v1/assessments", as: "county", json: #"{"year":2026,"period":"Q1"}"#)
            let id = try #require(try queued.object()["id"] as? Int)
            #expect(try await client.call(.post, "/api/v1/assessments/\(id)/publish", as: "county").status == .conflict,
                    "a queued run cannot be published")
            #expect(try await client.call(.get, "/api/v1/assessments/\(id)", as: "d1").status == .notFound, "drafts are the county's")
            let draft = try await client.call(.get, "/api/v1/assessments/\(id)", as: "county").object()
            #expect(draft["status"] as? String == "queued" && draft["results"] is NSNull)

            let pool = db.makePool()
            #expect(try await db.worker("api", pool: pool).processNext() == Int64(id))
            await pool.shutdown()
            #expect(try await client.call(.get, "/api/v1/rankings?year=2026&period=Q1", as: "d1").status == .notFound)
            #expect(try await client.call(.post, "/api/v1/assessments/\(id)/publish", as: "d1").status == .forbidden)
            #expect(try await client.call(.post, "/api/v1/assessments/\(id)/publish", as: "viewer").status == .forbidden)
            let published = try await client.call(.post, "/api/v1/assessments/\(id)/publish", as: "county")
            #expect(published.status == .ok)
            #expect(try published.object()["status"] as? String == "published")
            #expect(try await client.call(.post, "/api/v1/assessments/\(id)/publish", as: "county").status == .conflict,
                    "publishing twice")

            let run = try await client.call(.get, "/api/v1/assessments/\(id)", as: "d1")
            #expect(run.status == .ok)
            let ranking = try await client.call(.get, "/api/v1/rankings?year=2026&period=Q1", as: "dep1").object()
            #expect(ranking["assessment_id"] as? Int == id && ranking["period"] as? String == "Q1")
            let groups = try #require(ranking["groups"] as? [String: Any])
            let districts = try #require(groups["district"] as? [[String: Any]])
            #expect(districts.map { ($0["agency"] as? [String: Any])?["code"] as? String } == ["D3", "D1", "D2"])
            #expect(districts.map { $0["rank"] as? Int } == [1, 2, 3])
            #expect(districts.map { ($0["score"] as? NSNumber)?.doubleValue } == [120, 108, 97.78])
            #expect(Set(districts[0].keys) == ["rank", "agency", "score", "provisional", "indicators", "deduction",
                                                 "commended", "accountable", "missed", "behind"])
            let departments = try #require(groups["department"] as? [[String: Any]])
            #expect(departments.last?["rank"] is NSNull)

            #expect(try await client.call(.get, "/api/v1/rankings?year=2026&period=Q7", as: "d1").status == .unprocessableContent)
            #expect(try await client.call(.get, "/api/v1/rankings?year=2026", as: "d1").status == .unprocessableContent)
            #expect(try await client.call(.get, "/api/v1/rankings?year=2026&period=Q2", as: "d1").status == .notFound)
        }
    }

    @Test func schemesAreValidatedAndVersioned() async throws {
        try await withAPI { _, client, _ in
            let fallback = try await client.call(.get, "/api/v1/schemes/2026", as: "d1")
            #expect(fallback.status == .ok && fallback.headers[.eTag] == nil)
            #expect((try fallback.object()["weights"] as? [String: Any])?["fai"] as? Int == 40)
            let scheme = #"{"weights":{"fai":50,"major_investment":20,"new_starts":10,"completions":0,"attraction_funds":20},"quarter_shares":[0.25,0.5,0.75,1],"cap":1.5}"#
            #expect(try await client.call(.put, "/api/v1/schemes/2026", as: "d1", json: scheme).status == .forbidden)
            let invalid = try await client.call(.put, "/api/v1/schemes/2026", as: "county", json: #"{"quarter_shares":[0.2,0.1,0.75,0.9],"report_deadline_day":30}"#)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains("quarter_shares[1]") && invalid.text.contains("quarter_shares[3]") && invalid.text.contains("report_deadline_day"))
            #expect(try await client.call(.put, "/api/v1/schemes/2026", as: "county", json: #"{"bonus":1}"#).status == .unprocessableContent)
            #expect(try await client.call(.put, "/api/v1/schemes/1900", as: "county", json: scheme).status == .unprocessableContent)
            let created = try await client.call(.put, "/api/v1/schemes/2026", as: "county", json: scheme)
            #expect(created.status == .created && created.headers[.eTag] == "\"1\"")
            #expect(try await client.call(.put, "/api/v1/schemes/2026", as: "county", json: scheme).status == .preconditionRequired)
            #expect(try await client.call(.put, "/api/v1/schemes/2026", as: "county", json: scheme, ifMatch: "\"7\"").status == .preconditionFailed)
            let replaced = try await client.call(.put, "/api/v1/schemes/2026", as: "county", json: scheme, ifMatch: "\"1\"")
            #expect(replaced.status == .ok && replaced.headers[.eTag] == "\"2\"")
            let stored = try await client.call(.get, "/api/v1/schemes/2026", as: "dep1")
            #expect(stored.headers[.eTag] == "\"2\"")
            #expect(try stored.object()["cap"] as? Double == 1.5)
        }
    }

    /// As of 2026-05-10 the last complete month is April: cumulative share 0.2 + 0.25 / 3.
    @Test func warningsFollowTheCallersVisibility() async throws {
        try await withAPI { _, client, _ in
            func summary(_ token: String) async throws -> (indicators: Set<String>, projects: [String]) {
                let response = try await client.call(.get, "/api/v1/warnings?year=2026&as_of=2026-05-10", as: token)
                let object = try response.object()
                #expect(object["month"] as? String == "2026-04")
                let indicators = (object["indicators"] as? [[String: Any]] ?? []).map {
                    "\((($0["agency"] as? [String: Any])?["code"] as? String) ?? "?") \($0["code"] as? String ?? "?")"
                }
                let projects = (object["projects"] as? [[String: Any]] ?? []).map {
                    "\((($0["project"] as? [String: Any])?["code"] as? String) ?? "?") \($0["reason"] as? String ?? "?")"
                }
                return (Set(indicators), projects)
            }
            let county = try await summary("county")
            #expect(county.indicators == ["D1 completions", "D1 attraction_funds", "D2 new_starts", "D3 fai", "DEP1 attraction_funds"])
            #expect(county.projects == ["P6 no_report", "P5 start_overdue"])
            let district = try await summary("d1")
            #expect(district.indicators == ["D1 completions", "D1 attraction_funds"])
            #expect(district.projects == ["P6 no_report"])
            #expect(try await client.call(.get, "/api/v1/warnings?year=2026&as_of=May", as: "d1").status == .unprocessableContent)
            #expect(try await client.call(.get, "/api/v1/warnings", as: "d1").status == .unprocessableContent)
        }
    }
}

extension TestClientProtocol {
    /// Sends a request as the user whose token is `token` (nil: anonymous).
    func call(
        _ method: HTTPRequest.Method, _ uri: String, as token: String?, json: String? = nil, ifMatch: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        if let ifMatch { headers[.ifMatch] = ifMatch }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
