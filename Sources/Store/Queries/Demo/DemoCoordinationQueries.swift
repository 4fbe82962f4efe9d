import Campaign
import Postgres

/// The demo county's coordination loop, written as the owner inside the seed load's transaction:
/// service responsibility (包保) and the year's monthly meetings (with `MeetingQueries` and
/// `MeetingItemQueries`, as the API writes them).
public enum DemoCoordinationQueries {
    /// Gives every major project its leader (the first county viewer, the leading group's
    /// account) and a commissioner (an editor of a department other than its lead, turned by
    /// project); returns how many projects.
    public static func assignService(on connection: Connection) throws -> Int {
        try connection.execute("""
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
    }

    /// The first county editor (the county office, who closes the meetings).
    public static func countyEditor(on connection: Connection) throws -> Int64 {
        try connection.query("""
            SELECT u.id FROM app.users u JOIN app.agencies a ON a.id = u.agency_id
             WHERE a.kind = 'county' AND u.role = 'editor' ORDER BY u.id LIMIT 1
            """)[0].decode("id")
    }

    /// Resolves two of every three meeting decisions due before `day`, two days before they fall due.
    public static func resolveDecisionsDue(before day: CalendarDate, on connection: Connection) throws {
        try connection.execute("""
            UPDATE app.problems SET status = 'resolved', resolution = '已按会议要求办结', resolved_on = due_on - 2
             WHERE kind = 'meeting_decision' AND status <> 'resolved' AND due_on < \(day)::date AND id % 3 <> 0
            """)
    }

    /// Every agency but the county's, by id: a meeting's attendees.
    public static func attendees(on connection: Connection) throws -> [Int64] {
        try connection.query("SELECT id FROM app.agencies WHERE kind <> 'county' ORDER BY id").map { try $0.decode("id") }
    }

    /// An item of a meeting's drawn agenda that gets a decision.
    public struct Item: Sendable {
        public var id: Int64
        public var version: Int
        public var projectID: Int64
        public var summary: String
        public var leadDepartmentID: Int64
    }

    /// The first four drawn items (not carried over) of meeting `id` whose project has a lead department.
    public static func itemsToDecide(meetingID id: Int64, on connection: Connection) throws -> [Item] {
        try connection.query("""
            SELECT i.id, i.version, i.project_id, i.summary, p.lead_department_id
              FROM app.meeting_items i JOIN app.projects p ON p.id = i.project_id
             WHERE i.meeting_id = \(id) AND i.source <> 'carried_over' AND p.lead_department_id IS NOT NULL
             ORDER BY i.position LIMIT 4
            """).map {
            Item(id: try $0.decode("id"), version: try $0.decode("version"), projectID: try $0.decode("project_id"),
                 summary: try $0.decode("summary"), leadDepartmentID: try $0.decode("lead_department_id"))
        }
    }

    /// How many agenda items there are.
    public static func itemCount(on connection: Connection) throws -> Int {
        try connection.query("SELECT count(*)::int AS n FROM app.meeting_items")[0].decode("n")
    }
}
