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
        counts["project_service"] = try DemoCoordinationQueries.assignService(on: connection)
        let lastEnded = today.year > year ? 12 : today.year < year ? 0 : today.month - 1
        let editor = try DemoCoordinationQueries.countyEditor(on: connection)
        var meetings = 0
        var decisions = 0
        for month in stride(from: 1, through: lastEnded, by: 1) {
            let review = Month(year: year, month: month)!
            let held = CalendarDate(year: review.next.year, month: review.next.month, day: 10)!
            guard held <= today else { break }
            // Decisions due before this meeting are mostly done by now (every third is not).
            try DemoCoordinationQueries.resolveDecisionsDue(before: held, on: connection)
            let id = try MeetingQueries.insert(.init(
                kind: MeetingKind.monthly.rawValue, title: "\(year)年\(month)月项目建设调度会", date: held, chair: "县长",
                agencyIDs: try DemoCoordinationQueries.attendees(on: connection)),
                on: connection)
            try MeetingItemQueries.drawAgenda(meetingID: id, .init(today: held, behindBelow: PlanDefaults.behindRatio), on: connection)
            for item in try DemoCoordinationQueries.itemsToDecide(meetingID: id, on: connection) {
                let decision = MeetingItemQueries.Decision(
                    text: "牵头部门会同项目业主制定解决方案，限期解决：" + String(item.summary.prefix(60)),
                    agencyID: item.leadDepartmentID, agencyKind: .department,
                    dueDate: CalendarDate(year: held.year, month: held.month, day: 28)!)
                _ = try MeetingItemQueries.decide(
                    itemID: item.id, version: item.version, projectID: item.projectID, problemID: nil, decision, on: connection)
                decisions += 1
            }
            _ = try MeetingQueries.close(id: id, version: 1, userID: editor, on: connection)
            meetings += 1
        }
        counts["meetings"] = meetings
        counts["meeting_items"] = try DemoCoordinationQueries.itemCount(on: connection)
        counts["meeting_decisions"] = decisions
        return (counts, ["\(meetings) monthly coordination meetings held and closed with \(decisions) decisions"])
    }
}
