import Campaign
import Foundation
import HTTPTypes
import HummingbirdTesting
import Postgres
import Testing
import TestSupport

/// The coordination loop's tests run on 5 December 2026 (November is the last complete month).
enum Loop {
    static let today = CalendarDate("2026-12-05")!

    /// Runs `body` against the API with the clock on `today`.
    static func run(_ body: @Sendable (APIClient) async throws -> Void) async throws {
        try await APIHarness.run(clock: .fixed(today), body)
    }
}

extension APIClient {
    /// The user id behind a token (`GET /me`).
    func userID(_ token: String) async throws -> Int {
        try #require(try await request(.get, "/api/v1/me", token: token).object["id"] as? Int)
    }

    /// Runs SQL as the superuser (data the test needs that no route of this suite writes).
    func sql(_ query: Query) throws {
        let connection = try database.connect()
        defer { connection.close() }
        try connection.execute(query)
    }

    /// A major project of `district` led by `lead`, under way since January 2026, with a 2026 plan
    /// of `monthly` a month; returns its id.
    func majorProject(_ code: String, district: CountyFixture.Agency, lead: CountyFixture.Agency, monthly: Int = 100) throws -> Int {
        let connection = try database.connect()
        defer { connection.close() }
        let id: Int64 = try connection.query("""
            INSERT INTO app.projects (code, name, category, district_id, lead_department_id, major, stage, actual_start, total_investment,
                                      national_code)
            VALUES (\(code), \("重大项目" + code), 'industry', \(district.id), \(lead.id), true, 'construction', '2026-01-10', 50000,
                    '2026-520329-34-03-' || lpad((SELECT count(*) + 1 FROM app.projects)::text, 6, '0'))
            RETURNING id
            """)[0].decode("id")
        try connection.execute("""
            INSERT INTO app.investment_plans (project_id, year, annual_investment, monthly)
            VALUES (\(id), 2026, \(monthly * 12), array_fill(\(monthly)::numeric, ARRAY[12]))
            """)
        return Int(id)
    }

    /// Reports `amount` for each month of 2026 in `months` (as submitted on time).
    func report(_ project: Int, months: ClosedRange<Int>, amount: Decimal) throws {
        for month in months {
            try sql("""
                INSERT INTO app.monthly_reports (project_id, month, investment_completed, progress, submitted_at)
                VALUES (\(Int64(project)), make_date(2026, \(month), 1), \(amount), '施工中', make_date(2026, \(month), 1) + interval '1 month')
                """)
        }
    }

    /// Prepares a monthly meeting attended by `agencies` as `token`; returns the meeting object.
    func prepareMeeting(_ token: String, title: String = "11月项目建设调度会", agencies: [CountyFixture.Agency] = []) async throws -> [String: Any] {
        let response = try await request(.post, "/api/v1/meetings", token: token, json: [
            "kind": "monthly", "title": title, "date": "2026-12-05", "chair": "县长", "agency_ids": agencies.map(\.id),
        ])
        #expect(response.status == .created, "\(String(buffer: response.body))")
        return response.object
    }

    /// Adds an agenda item about `project` to an open meeting by hand as `token`; returns its id.
    func addItem(_ token: String, meeting: Int, project: Int, summary: String = "议题") async throws -> Int {
        let response = try await request(.post, "/api/v1/meetings/\(meeting)/items", token: token, json: [
            "summary": summary, "subject": ["type": "project", "id": project],
        ])
        return try #require(response.object["id"] as? Int, "\(String(buffer: response.body))")
    }

    /// Records the decision of an agenda item (assigned to `agency`, due `due`) as `token`.
    func decide(_ token: String, meeting: Int, item: Int, _ text: String, agency: CountyFixture.Agency,
                due: String = "2026-12-31") async throws -> TestResponse {
        try await request(.put, "/api/v1/meetings/\(meeting)/items/\(item)/decision", token: token, json: [
            "text": text, "agency_id": agency.id, "due_date": due,
        ])
    }

    /// The id of the problem that tracks a decision, from `decide`'s response.
    func decisionProblem(_ decided: TestResponse) throws -> Int {
        try #require((decided.object["decision"] as? [String: Any])?["problem_id"] as? Int, "\(String(buffer: decided.body))")
    }

    /// The agenda items of a meeting object.
    func agenda(_ meeting: [String: Any]) -> [[String: Any]] { meeting["agenda"] as? [[String: Any]] ?? [] }
}
