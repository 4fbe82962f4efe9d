import Campaign
import Foundation
import Postgres
import Store

/// The coordination loop in the demo county (run inside the seed load's transaction, as the
/// owner): every major project gets its responsible county leader (the leading group's account,
/// 领导小组) and a service commissioner (the editor of a department other than its lead, turned
/// by project), and the year's monthly coordination meetings are held in order, each on the 10th
/// of the month after the one it reviews: its agenda drawn from the data, a decision on its first
/// items (the lead department to act by the 28th), closed by the county office; by the next
/// meeting most earlier decisions are resolved, the others are carried over, and the latest ones
/// are still open or overdue. The meeting on November's work is left for the county to prepare.
enum DemoCoordination {
    static func apply(_ connection: Connection, year: Int, today: CalendarDate) throws -> (counts: [String: Int], notes: [String]) {
        var counts: [String: Int] = [:]
        counts["project_service"] = try connection.execute("""
            WITH departments AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
                                   FROM app.agencies WHERE kind = 'department'),
            leader AS (SELECT u.id FROM app.users u JOIN app.agencies a ON a.id = u.agency_id
                        WHERE a.kind = 'county' AND u.role = 'viewer' ORDER BY u.id LIMIT 1)
            INSERT INTO app.project_service (project_id, leader_user_id, commissioner_user_id)
            SELECT p.id, (SELECT id FROM leader),
                   (SELECT u.id FROM departments d JOIN app.users u ON u.agency_id = d.id AND u.role = 'editor'
                     WHERE d.n = (p.id + CASE WHEN p.lead_department_id = (SELECT dd.id FROM departments dd
                                                                             WHERE dd.n = p.id % dd.total) THEN 1 ELSE 0 END)
                                 % d.total
                     ORDER BY u.id LIMIT 1)
              FROM app.projects p WHERE p.major
            """)
        let lastEnded = today.year > year ? 12 : today.year < year ? 0 : today.month - 1
        let editor: Int64 = try connection.query("""
            SELECT u.id FROM app.users u JOIN app.agencies a ON a.id = u.agency_id
             WHERE a.kind = 'county' AND u.role = 'editor' ORDER BY u.id LIMIT 1
            """)[0].decode("id")
        var meetings = 0
        var decisions = 0
        for month in stride(from: 1, through: lastEnded, by: 1) {
            let review = Month(year: year, month: month)!
            let held = CalendarDate(year: review.next.year, month: review.next.month, day: 10)!
            guard held <= today else { break }
            // Decisions due before this meeting are mostly done by now (every third is not).
            try connection.execute("""
                UPDATE app.problems SET status = 'resolved', resolution = '已按会议要求办结', resolved_on = due_on - 2
                 WHERE kind = 'meeting_decision' AND status <> 'resolved' AND due_on < \(held)::date AND id % 3 <> 0
                """)
            let id = try MeetingQueries.insert(.init(
                kind: MeetingKind.monthly.rawValue, title: "\(year)年\(month)月项目建设调度会", date: held, chair: "县长",
                agencyIDs: try connection.query("SELECT id FROM app.agencies WHERE kind <> 'county' ORDER BY id").map { try $0.decode("id") }),
                on: connection)
            try MeetingItemQueries.drawAgenda(meetingID: id, .init(today: held, behindBelow: PlanDefaults.behindRatio), on: connection)
            let items = try connection.query("""
                SELECT i.id, i.version, i.project_id, i.summary, p.lead_department_id
                  FROM app.meeting_items i JOIN app.projects p ON p.id = i.project_id
                 WHERE i.meeting_id = \(id) AND i.source <> 'carried_over' AND p.lead_department_id IS NOT NULL
                 ORDER BY i.position LIMIT 4
                """)
            for item in items.rows {
                let decision = MeetingItemQueries.Decision(
                    text: "牵头部门会同项目业主制定解决方案，限期解决：" + String((try item.decode("summary", as: String.self)).prefix(60)),
                    agencyID: try item.decode("lead_department_id"), agencyKind: .department,
                    dueDate: CalendarDate(year: held.year, month: held.month, day: 28)!)
                _ = try MeetingItemQueries.decide(
                    itemID: try item.decode("id"), version: try item.decode("version"), projectID: try item.decode("project_id"),
                    problemID: nil, decision, on: connection)
                decisions += 1
            }
            _ = try MeetingQueries.close(id: id, version: 1, userID: editor, on: connection)
            meetings += 1
        }
        counts["meetings"] = meetings
        counts["meeting_items"] = try connection.query("SELECT count(*)::int AS n FROM app.meeting_items")[0].decode("n")
        counts["meeting_decisions"] = decisions
        return (counts, ["\(meetings) monthly coordination meetings held and closed with \(decisions) decisions"])
    }
}
