import Campaign
import Foundation
import HummingbirdTesting
import Testing
import TestSupport

/// `GET /assessments?year=Y`: the runs, newest first; the county sees every run, the others the
/// published ones (row-level security). A ranking nobody published yet says how to publish one.
@Suite struct AssessmentListTests {
    @Test func listsRunsNewestFirstAsRowLevelSecurityShows() async throws {
        try await AssessmentEndpointTests().withAPI { db, client, _ in
            // setup: a published Q1 run, a queued Q2 run, a published run of another year
            let admin = try db.connect()
            let older: Int64 = try admin.query("""
                INSERT INTO app.assessment_runs (year, period, status, created_at) VALUES (2025, 'year', 'done', now() - interval '1 day')
                RETURNING id
                """)[0].decode("id")
            try County.publish(older, on: admin)
            let q1 = try County.queue(.q1, on: admin)
            try admin.execute("UPDATE app.assessment_runs SET status = 'done' WHERE id = \(q1)")
            try County.publish(q1, on: admin)
            let q2 = try County.queue(.q2, on: admin)
            // MUT
            let county = try await client.call(.get, "/api/v1/assessments", as: "county")
            let ofYear = try await client.call(.get, "/api/v1/assessments?year=2026", as: "county")
            let district = try await client.call(.get, "/api/v1/assessments?year=2026", as: "d1")
            let quarter = try await client.call(.get, "/api/v1/assessments?period=Q1", as: "d1")
            // validation
            func ids(_ response: TestResponse) throws -> [Int64] {
                try (response.object()["items"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? Int).map(Int64.init) }
            }
            #expect(county.status == .ok)
            #expect(try ids(county) == [q2, q1, older])
            #expect(try ids(ofYear) == [q2, q1])
            #expect(try ids(district) == [q1], "a district sees published runs only")
            #expect(try district.object()["total"] as? Int == 1)
            #expect(try ids(quarter) == [q1])
            let item = try #require((try district.object()["items"] as? [[String: Any]])?.first)
            #expect(Set(item.keys) == ["id", "year", "period", "status", "created_at", "finished_at", "published_at"])
            #expect(item["status"] as? String == "published" && item["year"] as? Int == 2026 && item["period"] as? String == "Q1")
            for bad in ["year=1999", "year=x", "period=Q5", "limit=0"] {
                #expect(try await client.call(.get, "/api/v1/assessments?\(bad)", as: "d1").status == .unprocessableContent, "\(bad)")
            }
        }
    }

    @Test func aRankingNotYetPublishedSaysHowToPublishOne() async throws {
        try await AssessmentEndpointTests().withAPI { _, client, _ in
            let missing = try await client.call(.get, "/api/v1/rankings?year=2026&period=Q3", as: "d1")
            #expect(missing.status == .notFound)
            let problem = try missing.object()
            #expect(problem["code"] as? String == "no_published_ranking")
            #expect((problem["detail"] as? String)?.contains("2026年第三季度考核排名尚未发布") == true)
        }
    }

    @Test func aRankingWhoseRunIsDoneSaysWhichRunToPublish() async throws {
        try await AssessmentEndpointTests().withAPI { db, client, _ in
            // setup: the worker has computed Q1, nobody has published it
            let admin = try db.connect()
            let q1 = try County.queue(.q1, on: admin)
            try admin.execute("UPDATE app.assessment_runs SET status = 'done' WHERE id = \(q1)")
            // MUT
            let county = try await client.call(.get, "/api/v1/rankings?year=2026&period=Q1", as: "county")
            let district = try await client.call(.get, "/api/v1/rankings?year=2026&period=Q1", as: "d1")
            // validation
            #expect(county.status == .notFound && district.status == .notFound)
            let told = try #require(try county.object()["detail"] as? String)
            #expect(try county.object()["code"] as? String == "ranking_run_waiting")
            #expect(told.contains("第 \(q1) 次考核已计算完成"), "\(told)")
            let general = try #require(try district.object()["detail"] as? String)
            #expect(try district.object()["code"] as? String == "no_published_ranking")
            #expect(!general.contains("第 \(q1) 次"), "a district does not see the county's drafts")
        }
    }
}
