import Demo
import Foundation
import Postgres
import Testing
import TestSupport

/// The planner's estimates that the assessment's figures depend on (migration 0105): the year-end
/// run sums reports by district and lead department, and sums them in parallel only when the
/// planner knows how few such pairs there are.
@Suite struct PlannerStatisticsTests {
    @Test func theDistrictAndDepartmentPairsAreEstimatedFromTheirStatistics() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            // Three counties: each pairs its own districts with its own departments, so there are far
            // fewer pairs than districts times departments. Enough projects that the planner's guess
            // without the statistics (districts times departments) stays under its cap of a tenth of
            // the rows, as at the province scale.
            try DemoLoader.loadScale(connection, counties: 3, seed: 5, year: 2026, projectsPerCounty: 2500, passwords: testPasswords)
            try connection.execute("ANALYZE app.projects")
            let pairs = try connection.int("SELECT count(*) FROM (SELECT DISTINCT district_id, lead_department_id FROM app.projects) p")
            let independent = try connection.int(
                "SELECT count(DISTINCT district_id) * count(DISTINCT lead_department_id) FROM app.projects")
            #expect(pairs * 2 < independent && independent * 10 < 3 * 2500,
                    "the data must make independence a bad guess: \(pairs) pairs, \(independent) if independent")
            // MUT: the planner's estimate of the groups
            let plan = try connection.query(
                "EXPLAIN (FORMAT JSON) SELECT district_id, lead_department_id FROM app.projects GROUP BY 1, 2")
            let json = try plan[0].decode(0, as: String.self)
            let top = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])?.first?["Plan"] as? [String: Any])
            let estimate = try #require(top["Plan Rows"] as? Int)
            // validation
            #expect(Double(estimate) <= Double(pairs) * 1.25, "estimated \(estimate) groups for \(pairs) pairs")
        }
    }
}
