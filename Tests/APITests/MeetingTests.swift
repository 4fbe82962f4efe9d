import Assessment
import Campaign
import Foundation
import HTTPTypes
import Postgres
import Store
import Testing
import TestSupport
import ZIPFoundation

/// Coordination meetings (调度会): the drawn agenda, decisions tracked as problems, closing.
@Suite struct MeetingTests {
    /// One subject for every source the agenda is drawn from, on 5 December 2026.
    func seedSources(_ api: APIClient) throws -> [String: Int] {
        let behind = try api.majorProject("M-BEHIND", district: api.fixture.district1, lead: api.fixture.industry)
        try api.report(behind, months: 1...11, amount: 10)
        let silent = try api.majorProject("M-SILENT", district: api.fixture.district2, lead: api.fixture.drc, monthly: 0)
        let ok = try api.majorProject("M-OK", district: api.fixture.district1, lead: api.fixture.drc)
        try api.report(ok, months: 1...11, amount: 100)
        let connection = try api.database.connect()
        defer { connection.close() }
        func id(_ query: Query) throws -> Int { Int(try connection.query(query)[0].decode("id", as: Int64.self)) }
        return [
            "behind_plan": behind, "missing_report": silent,
            "overdue_problem": try id("""
                INSERT INTO app.problems (project_id, kind, description, department_id, due_on)
                VALUES (\(Int64(ok)), 'land', '用地报批滞后', \(api.fixture.drc.id), '2026-11-30') RETURNING id
                """),
            "escalated_problem": try id("""
                INSERT INTO app.problems (project_id, kind, description, due_on, status)
                VALUES (\(Int64(ok)), 'funding', '资金缺口', '2026-10-31', 'escalated') RETURNING id
                """),
            "slow_approval": try id("""
                INSERT INTO app.approvals (project_id, kind, department_id, applied_on)
                VALUES (\(Int64(ok)), 'eia', \(api.fixture.drc.id), '2026-10-01') RETURNING id
                """),
        ]
    }

    /// The county editor's token, a D1 project `code` that DRC leads, and the id of a meeting
    /// just prepared (`title`, attended by `agencies`).
    func meeting(_ api: APIClient, project code: String, title: String = "11月项目建设调度会",
                 agencies: [CountyFixture.Agency] = []) async throws -> (county: String, project: Int, id: Int) {
        let county = try await api.signIn(api.fixture.county, "editor")
        let project = try api.majorProject(code, district: api.fixture.district1, lead: api.fixture.drc)
        let meeting = try await api.prepareMeeting(county, title: title, agencies: agencies)
        return (county, project, try #require(meeting["id"] as? Int))
    }

    @Test func theAgendaIsDrawnFromEverySource() async throws {
        try await Loop.run { api in
            // setup
            let county = try await api.signIn(api.fixture.county, "editor")
            let subjects = try seedSources(api)
            // MUT
            let meeting = try await api.prepareMeeting(county)
            // validate: each source names its subject
            let agenda = api.agenda(meeting)
            for (source, id) in subjects {
                let item = agenda.first { $0["source"] as? String == source }
                let subject = item?["subject"] as? [String: Any]
                #expect(subject?["id"] as? Int == id, "\(source): \(agenda)")
                #expect(subject?["type"] as? String == (source.hasSuffix("problem") ? "problem" : source == "slow_approval" ? "approval" : "project"))
            }
            #expect(!agenda.contains { ($0["subject"] as? [String: Any])?["code"] as? String == "M-OK" && $0["source"] as? String == "behind_plan" })
            #expect(meeting["status"] as? String == "open")
        }
    }

    @Test func itemsAreAddedByHandAndDecisionsBecomeTrackedProblems() async throws {
        try await Loop.run { api in
            // setup
            let (county, project, id) = try await meeting(api, project: "M-1")
            let added = try await api.request(.post, "/api/v1/meetings/\(id)/items", token: county, json: [
                "summary": "协调项目用电接入", "subject": ["type": "project", "id": project],
            ])
            #expect(added.status == .created)
            #expect(added.object["source"] as? String == "manual")
            let item = try #require(added.object["id"] as? Int)
            // MUT
            let decided = try await api.request(.put, "/api/v1/meetings/\(id)/items/\(item)/decision", token: county, json: [
                "text": "县工信局牵头协调供电公司12月15日前完成接入", "agency_id": api.fixture.industry.id, "due_date": "2026-12-15",
            ])
            // validate: a problem of kind meeting_decision, assigned to IIT with that due date
            #expect(decided.status == .created)
            let decision = try #require(decided.object["decision"] as? [String: Any])
            let problem = try #require(decision["problem_id"] as? Int)
            let industry = try await api.signIn(api.fixture.industry, "editor")
            let tracked = try await api.request(.get, "/api/v1/problems/\(problem)", token: industry)
            #expect(tracked.status == .ok)
            #expect(tracked.object["kind"] as? String == "meeting_decision")
            #expect(tracked.object["department_id"] as? Int == Int(api.fixture.industry.id))
            #expect(tracked.object["due_on"] as? String == "2026-12-15")
            // replacing the decision needs the item's version
            let path = "/api/v1/meetings/\(id)/items/\(item)/decision"
            let again = ["text": "改由县发改局牵头", "agency_id": api.fixture.drc.id, "due_date": "2026-12-20"] as [String: Any]
            #expect(try await api.request(.put, path, token: county, json: again).status == .preconditionRequired)
            let version = try #require(decided.object["version"] as? Int)
            #expect(try await api.request(.put, path, token: county, json: again, headers: ifMatch(version)).status == .ok)
            #expect(try await api.request(.get, "/api/v1/problems/\(problem)", token: county).object["department_id"] as? Int == Int(api.fixture.drc.id))
        }
    }

    @Test func aDecisionRemindsAndEscalatesLikeAnyProblem() async throws {
        try await Loop.run { api in
            // setup: a decision for IIT due 1 December on a project AGR serves
            let county = try await api.signIn(api.fixture.county, "editor")
            let project = try api.majorProject("M-2", district: api.fixture.district1, lead: api.fixture.drc)
            let agriculture = try await api.signIn(api.fixture.agriculture, "editor")
            _ = try await api.request(.put, "/api/v1/projects/\(project)/service", token: county,
                                      json: ["leader_user_id": try await api.userID(county), "commissioner_user_id": try await api.userID(agriculture)])
            let meeting = try await api.prepareMeeting(county)
            let id = try #require(meeting["id"] as? Int)
            let item = try await api.addItem(county, meeting: id, project: project, summary: "土地征收")
            let decided = try await api.decide(county, meeting: id, item: item, "完成土地征收", agency: api.fixture.industry, due: "2026-12-01")
            let problem = try api.decisionProblem(decided)
            let pool = api.database.makePool()
            func scan(_ day: String) async throws {
                let date = CalendarDate(day)!
                _ = try await AssessmentWorker(database: Database(pool: pool), options: .init(name: "loop", today: { date }),
                                               logger: .init(label: "test.loop")).scanReminders()
            }
            // MUT: overdue on 2 December, escalated a week later
            try await scan("2026-12-02")
            let overdue = try await api.request(.get, "/api/v1/notifications", token: try await api.signIn(api.fixture.industry, "viewer")).items
            #expect(overdue.contains { $0["kind"] as? String == "problem_overdue" && ($0["subject"] as? [String: Any])?["id"] as? Int == problem })
            let served = try await api.request(.get, "/api/v1/notifications", token: agriculture).items
            #expect(served.contains { $0["kind"] as? String == "problem_overdue" }, "the commissioner's department is told")
            try await scan("2026-12-08")
            // validate
            #expect(try await api.request(.get, "/api/v1/problems/\(problem)", token: county).object["status"] as? String == "escalated")
            let escalated = try await api.request(.get, "/api/v1/notifications", token: county).items
            let told = escalated.first { $0["kind"] as? String == "problem_escalated" }
            #expect((told?["title"] as? String)?.contains("包保县领导") == true)
            await pool.shutdown()
        }
    }

    @Test func aClosedMeetingRefusesChanges() async throws {
        try await Loop.run { api in
            // setup
            let (county, project, id) = try await meeting(api, project: "M-3")
            let item = try await api.addItem(county, meeting: id, project: project)
            #expect(try await api.request(.post, "/api/v1/meetings/\(id)/close", token: county).status == .preconditionRequired)
            // MUT
            let closed = try await api.request(.post, "/api/v1/meetings/\(id)/close", token: county, headers: ifMatch(1))
            // validate
            #expect(closed.status == .ok)
            #expect(closed.object["status"] as? String == "closed")
            #expect(try await api.request(.post, "/api/v1/meetings/\(id)/items", token: county, json: [
                "summary": "补充议题", "subject": ["type": "project", "id": project],
            ]).status == .conflict)
            #expect(try await api.decide(county, meeting: id, item: item, "x", agency: api.fixture.drc).status == .conflict)
            #expect(try await api.request(.post, "/api/v1/meetings/\(id)/close", token: county, headers: ifMatch(2)).status == .conflict)
        }
    }

    @Test func unresolvedDecisionsAreCarriedOverToTheNextMeeting() async throws {
        try await Loop.run { api in
            // setup: two decisions at the first meeting, one resolved since
            let (county, project, id) = try await meeting(api, project: "M-4", title: "第一次调度会")
            var problems: [Int] = []
            var items: [Int] = []
            for text in ["落实施工用水", "完成环评批复"] {
                let item = try await api.addItem(county, meeting: id, project: project, summary: text)
                let decided = try await api.decide(county, meeting: id, item: item, text, agency: api.fixture.drc)
                problems.append(try api.decisionProblem(decided))
                items.append(item)
            }
            _ = try await api.request(.post, "/api/v1/meetings/\(id)/close", token: county, headers: ifMatch(1))
            _ = try await api.request(.patch, "/api/v1/problems/\(problems[1])", token: county,
                                      json: ["status": "resolved", "resolution": "已批复", "resolved_on": "2026-12-04"], headers: ifMatch(1))
            // MUT
            let next = try await api.prepareMeeting(county, title: "第二次调度会")
            // validate
            let carried = api.agenda(next).filter { $0["source"] as? String == "carried_over" }
            #expect(carried.count == 1)
            #expect((carried.first?["subject"] as? [String: Any])?["id"] as? Int == problems[0])
            #expect(carried.first?["carried_from"] as? Int == items[0])
        }
    }

    @Test func theCountySeesEveryMeetingAndAnAgencyThoseItAttends() async throws {
        try await Loop.run { api in
            // setup
            let (county, project, id) = try await meeting(api, project: "M-5", agencies: [api.fixture.drc])
            let item = try await api.addItem(county, meeting: id, project: project)
            let decided = try await api.decide(county, meeting: id, item: item, "工信局配合完成", agency: api.fixture.industry)
            let problem = try api.decisionProblem(decided)
            let drc = try await api.signIn(api.fixture.drc, "viewer")
            let industry = try await api.signIn(api.fixture.industry, "editor")
            let agriculture = try await api.signIn(api.fixture.agriculture, "editor")
            // MUT + validate: attendees see the meeting, others do not
            #expect(try await api.request(.get, "/api/v1/meetings/\(id)", token: drc).status == .ok)
            #expect(try await api.request(.get, "/api/v1/meetings", token: drc).object["total"] as? Int == 1)
            #expect(try await api.request(.get, "/api/v1/meetings/\(id)", token: industry).status == .notFound)
            #expect(try await api.request(.get, "/api/v1/meetings", token: industry).object["total"] as? Int == 0)
            #expect(try await api.request(.get, "/api/v1/meetings", token: county).object["total"] as? Int == 1)
            // the decision is seen by the agency it is assigned to, not by others
            #expect(try await api.request(.get, "/api/v1/problems/\(problem)", token: industry).status == .ok)
            #expect(try await api.request(.get, "/api/v1/problems/\(problem)", token: agriculture).status == .notFound)
            #expect(try await api.request(.post, "/api/v1/meetings", token: drc, json: [:] as [String: Any]).status == .forbidden)
        }
    }

    @Test func theMinutesDownloadAsAWordDocument() async throws {
        try await Loop.run { api in
            // setup
            let (county, project, id) = try await meeting(api, project: "M-6", title: "十二月调度会")
            let item = try await api.addItem(county, meeting: id, project: project)
            _ = try await api.decide(county, meeting: id, item: item, "按期完成设备安装", agency: api.fixture.drc)
            // MUT
            let minutes = try await api.request(.get, "/api/v1/meetings/\(id)/minutes?format=docx", token: county)
            // validate
            #expect(minutes.status == .ok)
            #expect(minutes.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            let archive = try Archive(data: Data(buffer: minutes.body), accessMode: .read)
            var xml = Data()
            _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
            let text = String(decoding: xml, as: UTF8.self)
            #expect(text.contains("十二月调度会会议纪要"))
            #expect(text.contains("按期完成设备安装"))
            #expect(text.contains("w:pgSz w:w=\"11906\" w:h=\"16838\""))
            #expect(try await api.request(.get, "/api/v1/meetings/\(id)/minutes?format=pdf", token: county).status == .unprocessableContent)
        }
    }
}
