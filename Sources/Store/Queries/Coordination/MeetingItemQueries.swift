import Campaign
import Foundation
import Postgres

/// A meeting's agenda (议题) and decisions (决定事项), under the caller's row-level security.
public enum MeetingItemQueries {
    /// What the agenda is drawn with.
    public struct Rules: Sendable {
        /// The county's day the data is read on.
        public var today: CalendarDate
        /// Behind plan below this ratio to date.
        public var behindBelow: Decimal

        public init(today: CalendarDate, behindBelow: Decimal) {
            self.today = today
            self.behindBelow = behindBelow
        }

        /// The last complete month before `today` (the month whose reports are looked for).
        public var lastMonth: Month {
            let month = today.yearMonth
            return month.month == 1 ? Month(year: month.year - 1, month: 12)! : Month(year: month.year, month: month.month - 1)!
        }
    }

    /// Draws the meeting's agenda from the data of this moment (DOMAIN.md): problems past due
    /// and escalated problems, major projects behind plan, major projects under way without a
    /// (counted) report for the last complete month, approvals open longer than the county's
    /// limit, and every unresolved decision of earlier meetings. One statement reads each item's
    /// raw facts; its summary is worded from the catalogue (`AgendaWords`) and the items are
    /// inserted in one more. Returns the number of items.
    @discardableResult
    public static func drawAgenda(meetingID: Int64, _ rules: Rules, on connection: Connection) throws -> Int {
        let month = rules.lastMonth
        let through = month.year == rules.today.year ? month.month : 0
        var query: Query = """
            WITH plans AS (
            """
        query.append(PlanQueries.toDate(year: rules.today.year, through: through))
        query.append("""
            ), limits AS (SELECT slow_approval_days AS days FROM app.coordination_settings)
            SELECT source, subject_type, subject_id, project_id, code, name, facts::text AS facts, carried_from FROM (
                SELECT 1 AS o, 'overdue_problem' AS source, 'problem' AS subject_type, x.id AS subject_id, p.id AS project_id,
                       p.code, p.name, jsonb_build_object('description', left(x.description, 200), 'due_on', x.due_on::text) AS facts,
                       NULL::bigint AS carried_from
                  FROM app.problems x JOIN app.projects p ON p.id = x.project_id
                 WHERE x.kind <> 'meeting_decision' AND x.status IN ('open', 'in_progress') AND x.due_on < \(rules.today)::date
                UNION ALL
                SELECT 2, 'escalated_problem', 'problem', x.id, p.id, p.code, p.name,
                       jsonb_build_object('description', left(x.description, 200), 'due_on', x.due_on::text), NULL
                  FROM app.problems x JOIN app.projects p ON p.id = x.project_id
                 WHERE x.kind <> 'meeting_decision' AND x.status = 'escalated'
                UNION ALL
                SELECT 3, 'behind_plan', 'project', p.id, p.id, p.code, p.name,
                       jsonb_build_object('month', \(month.description)::text, 'actual', g.actual_to_date::text,
                                          'plan', g.plan_to_date::text, 'ratio', g.ratio::text), NULL
                  FROM plans g JOIN app.projects p ON p.id = g.project_id
                 WHERE p.major AND g.ratio < \(rules.behindBelow)::numeric
                UNION ALL
                SELECT 4, 'missing_report', 'project', p.id, p.id, p.code, p.name,
                       jsonb_build_object('month', \(month.description)::text), NULL
                  FROM app.projects p
                 WHERE p.major AND p.stage IN ('new_start', 'construction')
                   AND p.actual_start <= (\(month)::date + interval '1 month')::date - 1
                   AND NOT exists (SELECT 1 FROM app.monthly_reports r
                                    WHERE r.project_id = p.id AND r.month = \(month)::date AND r.status <> 'returned')
                UNION ALL
                SELECT 5, 'slow_approval', 'approval', a.id, p.id, p.code, p.name,
                       jsonb_build_object('approval_kind', a.kind, 'applied_on', a.applied_on::text,
                                          'days', (\(rules.today)::date - a.applied_on)::text, 'limit', l.days::text,
                                          'department', d.name), NULL
                  FROM app.approvals a JOIN app.projects p ON p.id = a.project_id
                  JOIN app.agencies d ON d.id = a.department_id CROSS JOIN limits l
                 WHERE a.status = 'pending' AND a.applied_on < \(rules.today)::date - l.days
                UNION ALL
                SELECT 6, 'carried_over', 'problem', x.id, p.id, p.code, p.name,
                       jsonb_build_object('meeting', m.title, 'description', left(x.description, 200), 'department', d.name,
                                          'due_on', x.due_on::text), i.id
                  FROM app.meeting_items i JOIN app.meetings m ON m.id = i.meeting_id
                  JOIN app.problems x ON x.id = i.problem_id JOIN app.projects p ON p.id = x.project_id
                  JOIN app.agencies d ON d.id = i.decision_agency_id
                 WHERE i.meeting_id <> \(meetingID) AND x.status <> 'resolved'
            ) drawn
             ORDER BY o, code, subject_id
            """)
        let rows = try connection.query(query).rows
        var items = (source: [String](), type: [String](), subject: [Int64](), project: [Int64](), code: [String](),
                     name: [String](), summary: [String](), carriedFrom: [Int64?]())
        for row in rows {
            let source: String = try row.decode("source")
            let facts = StoredFacts.decode(try row.decode("facts"))
            items.source.append(source)
            items.type.append(try row.decode("subject_type"))
            items.subject.append(try row.decode("subject_id"))
            items.project.append(try row.decode("project_id"))
            items.code.append(try row.decode("code"))
            items.name.append(try row.decode("name"))
            items.summary.append(AgendaSource(rawValue: source).flatMap { AgendaWords.summary($0, facts: facts) } ?? "")
            items.carriedFrom.append(try row.decode("carried_from"))
        }
        return try connection.execute("""
            INSERT INTO app.meeting_items (meeting_id, position, source, subject_type, subject_id, project_id, subject_code,
                                           subject_name, summary, carried_from)
            SELECT \(meetingID), u.position, u.source, u.subject_type, u.subject_id, u.project_id, u.code, u.name, u.summary,
                   u.carried_from
              FROM unnest(\(items.source)::text[], \(items.type)::text[], \(items.subject)::bigint[], \(items.project)::bigint[],
                          \(items.code)::text[], \(items.name)::text[], \(items.summary)::text[], \(items.carriedFrom)::bigint[])
                   WITH ORDINALITY AS u (source, subject_type, subject_id, project_id, code, name, summary, carried_from, position)
            """)
    }

    /// The project a subject (`problem`, `project`, `approval`) belongs to, with its code and
    /// name, or nil when the caller cannot see it (`app.subject_project_id`, migration 0106).
    public static func subject(type: AgendaSubjectType, id: Int64, on connection: Connection) throws -> (projectID: Int64, code: String, name: String)? {
        try connection.query("""
            SELECT p.id, p.code, p.name FROM app.projects p
             WHERE p.id = app.subject_project_id(\(type.rawValue), \(id)::bigint)
            """).first.map { (try $0.decode("id"), try $0.decode("code"), try $0.decode("name")) }
    }

    /// Adds an item by hand at the end of the agenda; returns its id.
    public static func insertManual(
        meetingID: Int64, summary: String, subjectType: AgendaSubjectType, subjectID: Int64,
        subject: (projectID: Int64, code: String, name: String), on connection: Connection
    ) throws -> Int64 {
        try connection.query("""
            INSERT INTO app.meeting_items (meeting_id, position, source, subject_type, subject_id, project_id, subject_code,
                                           subject_name, summary)
            SELECT \(meetingID), coalesce(max(position), 0) + 1, 'manual', \(subjectType.rawValue), \(subjectID), \(subject.projectID),
                   \(subject.code), \(subject.name), \(summary)
              FROM app.meeting_items WHERE meeting_id = \(meetingID)
            RETURNING id
            """)[0].decode("id")
    }

    /// One item of a meeting as JSON with its version, or nil.
    public static func find(meetingID: Int64, itemID: Int64, on connection: Connection) throws -> StoredJSON? {
        guard let row = try connection.query("""
            SELECT \(unsafeSQL: itemJSON)::text AS body, i.version FROM app.meeting_items i
             WHERE i.meeting_id = \(meetingID) AND i.id = \(itemID)
            """).first else { return nil }
        return StoredJSON(text: try row.decode("body"), version: try row.decode("version"))
    }

    /// The item's decision state: its version, project and district, and its problem (nil: no decision yet).
    public static func decisionState(meetingID: Int64, itemID: Int64, on connection: Connection)
        throws -> (version: Int, projectID: Int64, districtID: Int64, problemID: Int64?)? {
        try connection.query("""
            SELECT i.version, i.project_id, p.district_id, i.problem_id FROM app.meeting_items i JOIN app.projects p ON p.id = i.project_id
             WHERE i.meeting_id = \(meetingID) AND i.id = \(itemID)
            """).first.map { (try $0.decode("version"), try $0.decode("project_id"), try $0.decode("district_id"), try $0.decode("problem_id")) }
    }

    /// A decision: its text, responsible agency and due date.
    public struct Decision: Sendable {
        public var text: String
        public var agencyID: Int64
        public var agencyKind: AgencyKind
        public var dueDate: CalendarDate

        public init(text: String, agencyID: Int64, agencyKind: AgencyKind, dueDate: CalendarDate) {
            self.text = text
            self.agencyID = agencyID
            self.agencyKind = agencyKind
            self.dueDate = dueDate
        }
    }

    /// Records the decision on an item still at `version`, creating or updating its tracked problem
    /// of kind `meeting_decision` (assigned to the agency when it is a department); false when the
    /// item moved on.
    public static func decide(
        itemID: Int64, version: Int, projectID: Int64, problemID: Int64?, _ decision: Decision, on connection: Connection
    ) throws -> Bool {
        let department = decision.agencyKind == .department ? decision.agencyID : nil
        guard try connection.execute("""
            UPDATE app.meeting_items SET decision_text = \(decision.text), decision_agency_id = \(decision.agencyID),
                   decision_due_on = \(decision.dueDate)
             WHERE id = \(itemID) AND version = \(version)
            """) > 0 else { return false }
        if let problemID {
            try connection.execute("""
                UPDATE app.problems SET description = \(decision.text), department_id = \(department), due_on = \(decision.dueDate)
                 WHERE id = \(problemID)
                """)
        } else {
            let problem: Int64 = try connection.query("""
                INSERT INTO app.problems (project_id, kind, description, department_id, due_on, meeting_item_id)
                VALUES (\(projectID), 'meeting_decision', \(decision.text), \(department), \(decision.dueDate), \(itemID))
                RETURNING id
                """)[0].decode("id")
            try connection.execute("UPDATE app.meeting_items SET problem_id = \(problem) WHERE id = \(itemID)")
        }
        return true
    }

    /// An item `i` as JSON: `{id, source, subject{type,id,code,name}, summary, carried_from, decision, version}`.
    static let itemJSON = """
        json_build_object(
            'id', i.id, 'meeting_id', i.meeting_id, 'position', i.position, 'source', i.source,
            'subject', json_build_object('type', i.subject_type, 'id', i.subject_id, 'code', i.subject_code, 'name', i.subject_name,
                                         'project_id', i.project_id),
            'summary', i.summary, 'carried_from', i.carried_from,
            'decision', CASE WHEN i.decision_text IS NOT NULL THEN json_build_object(
                'text', i.decision_text,
                'agency', (SELECT json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'kind', a.kind)
                             FROM app.agencies a WHERE a.id = i.decision_agency_id),
                'due_date', i.decision_due_on, 'problem_id', i.problem_id,
                'status', (SELECT x.status FROM app.problems x WHERE x.id = i.problem_id)) END,
            'version', i.version)
        """

    /// The agenda of meeting `m` as a JSON array in order.
    static let agendaJSON = """
        coalesce((SELECT json_agg(\(itemJSON) ORDER BY i.position) FROM app.meeting_items i WHERE i.meeting_id = m.id), '[]')
        """
}
