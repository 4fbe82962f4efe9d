import Campaign
import Foundation
import Postgres

/// The reminder scan (提醒与督办, DOMAIN.md): run by the worker, it writes every notification
/// that is due on `today`. Each statement inserts with `ON CONFLICT DO NOTHING` on the
/// notifications' exactly-once key (agency, kind, subject, period), so a scan repeated, or run
/// by two workers at once, or retried after a crash, creates each notification once. Run it in
/// one transaction: a scan interrupted half-way leaves nothing behind. A notification stores its
/// kind and raw `arguments` (codes, `YYYY-MM` months, ISO dates, decimal amounts); the server words
/// it when it is read (`NotificationWords`).
public enum ReminderQueries {
    /// How many notifications of each kind one scan created, and problems escalated.
    public struct Outcome: Sendable, Equatable {
        public var created: [NotificationKind: Int] = [:]
        public var escalated = 0

        public var total: Int { created.values.reduce(0, +) }
    }

    /// What the scan needs to know besides the data.
    public struct Rules: Sendable {
        /// The county's day (Asia/Shanghai).
        public var today: CalendarDate
        /// The report deadline day of the year of the month before `today` (the scheme's).
        public var deadlineDay: Int
        /// Behind plan below this ratio to date.
        public var behindBelow: Decimal
        /// Days after its due date an unresolved problem is escalated (督办).
        public var escalateAfterDays = 7

        public init(today: CalendarDate, deadlineDay: Int, behindBelow: Decimal) {
            self.today = today
            self.deadlineDay = deadlineDay
            self.behindBelow = behindBelow
        }

        /// The month whose reports are due this month.
        public var reportMonth: Month {
            let month = today.yearMonth
            return month.month == 1 ? Month(year: month.year - 1, month: 12)! : Month(year: month.year, month: month.month - 1)!
        }
    }

    /// Writes every notification due on `rules.today` and escalates overdue problems.
    public static func scan(_ rules: Rules, on connection: Connection) throws -> Outcome {
        let month = rules.reportMonth
        let deadline = month.reportDeadline(day: rules.deadlineDay)
        var outcome = Outcome()
        // Major projects under way in the report month without a (counted) report for it.
        let missing = """
             FROM app.projects p
            WHERE p.major AND p.stage IN ('new_start', 'construction')
              AND p.actual_start <= (\(month)::date + interval '1 month')::date - 1
              AND NOT exists (SELECT 1 FROM app.monthly_reports r WHERE r.project_id = p.id AND r.month = \(month)::date)
            """ as Query
        var due: Query = """
            INSERT INTO app.notifications (agency_id, kind, arguments, subject_type, subject_id, month, period)
            SELECT p.district_id, 'report_due',
                   jsonb_build_object('code', p.code, 'name', p.name, 'month', \(month.description)::text, 'deadline', \(deadline.description)::text),
                   'project', p.id, \(month)::date, \(month.description)::text
            """
        due.append(missing)
        due.append(" AND \(rules.today)::date BETWEEN \(deadline)::date - 3 AND \(deadline)::date ON CONFLICT ON CONSTRAINT notifications_once_key DO NOTHING")
        outcome.created[.reportDue] = try connection.execute(due)
        var late: Query = """
            INSERT INTO app.notifications (agency_id, kind, arguments, subject_type, subject_id, month, period)
            SELECT a.agency_id, 'report_late',
                   jsonb_build_object('code', p.code, 'name', p.name, 'month', \(month.description)::text, 'deadline', \(deadline.description)::text),
                   'project', p.id, \(month)::date, \(month.description)::text
              FROM (SELECT p.* 
            """
        late.append(missing)
        late.append("""
             AND \(rules.today)::date > \(deadline)::date) p
             CROSS JOIN LATERAL (VALUES (p.district_id), (p.lead_department_id)) a (agency_id)
            ON CONFLICT ON CONSTRAINT notifications_once_key DO NOTHING
            """)
        outcome.created[.reportLate] = try connection.execute(late)
        try problems(rules, into: &outcome, on: connection)
        outcome.created[.behindPlan] = rules.today > deadline ? try behindPlan(rules, through: month, on: connection) : 0
        return outcome
    }

    /// `problem_overdue` to the assigned department (a meeting decision's responsible agency, or
    /// the lead department) and to the project's service commissioner's department once a problem's
    /// due date has passed unresolved; after `escalateAfterDays` more it is escalated and the county
    /// is told (督办): the county government, the first agency of kind county, and the agency of
    /// the project's responsible county leader, whom the notification names.
    static func problems(_ rules: Rules, into outcome: inout Outcome, on connection: Connection) throws {
        outcome.created[.problemOverdue] = try connection.execute("""
            INSERT INTO app.notifications (agency_id, kind, arguments, subject_type, subject_id, period)
            SELECT r.agency_id, 'problem_overdue',
                   jsonb_build_object('code', p.code, 'name', p.name, 'problem_kind', x.kind, 'description', left(x.description, 200),
                                      'due_on', x.due_on::text, 'escalate_days', \(rules.escalateAfterDays)::integer::text),
                   'problem', x.id, x.due_on::text
              FROM app.problems x JOIN app.projects p ON p.id = x.project_id
              LEFT JOIN app.meeting_items mi ON mi.id = x.meeting_item_id
              LEFT JOIN app.project_service s ON s.project_id = p.id
              LEFT JOIN LATERAL app.user_cards(ARRAY[s.commissioner_user_id]) cm ON true
             CROSS JOIN LATERAL (VALUES (coalesce(x.department_id, mi.decision_agency_id, p.lead_department_id)), (cm.agency_id)) r (agency_id)
             WHERE x.status <> 'resolved' AND x.due_on < \(rules.today)::date AND r.agency_id IS NOT NULL
            ON CONFLICT ON CONSTRAINT notifications_once_key DO NOTHING
            """)
        outcome.created[.problemEscalated] = try connection.execute("""
            INSERT INTO app.notifications (agency_id, kind, arguments, subject_type, subject_id, period)
            SELECT r.agency_id, 'problem_escalated',
                   jsonb_strip_nulls(jsonb_build_object(
                       'code', p.code, 'name', p.name, 'problem_kind', x.kind, 'description', left(x.description, 200),
                       'due_on', x.due_on::text, 'escalate_days', \(rules.escalateAfterDays)::integer::text,
                       'leader', ld.display_name, 'department', d.name)),
                   'problem', x.id, x.due_on::text
              FROM app.problems x JOIN app.projects p ON p.id = x.project_id
              LEFT JOIN app.meeting_items mi ON mi.id = x.meeting_item_id
              LEFT JOIN app.agencies d ON d.id = coalesce(x.department_id, mi.decision_agency_id)
              LEFT JOIN app.project_service s ON s.project_id = p.id
              LEFT JOIN LATERAL app.user_cards(ARRAY[s.leader_user_id]) ld ON true
             CROSS JOIN (SELECT min(id) AS id FROM app.agencies WHERE kind = 'county') c
             CROSS JOIN LATERAL (VALUES (c.id), (ld.agency_id)) r (agency_id)
             WHERE r.agency_id IS NOT NULL AND x.status <> 'resolved'
               AND x.due_on <= \(rules.today)::date - \(rules.escalateAfterDays)::integer
            ON CONFLICT ON CONSTRAINT notifications_once_key DO NOTHING
            """)
        outcome.escalated = try connection.execute("""
            UPDATE app.problems SET status = 'escalated'
             WHERE status IN ('open', 'in_progress') AND due_on <= \(rules.today)::date - \(rules.escalateAfterDays)::integer
            """)
    }

    /// `behind_plan` once a month (after the month's reports are due), to the district and the
    /// lead department of each project whose plan ratio to the end of `through` is below the
    /// county's threshold.
    static func behindPlan(_ rules: Rules, through month: Month, on connection: Connection) throws -> Int {
        var query: Query = """
            INSERT INTO app.notifications (agency_id, kind, arguments, subject_type, subject_id, month, period)
            SELECT a.agency_id, 'behind_plan',
                   jsonb_build_object('code', p.code, 'name', p.name, 'month', \(month.description)::text,
                                      'actual', g.actual_to_date::text, 'plan', g.plan_to_date::text, 'ratio', g.ratio::text),
                   'project', p.id, \(month)::date, \(month.description)::text
              FROM (
            """
        query.append(PlanQueries.toDate(year: month.year, through: month.month))
        query.append("""
            ) g JOIN app.projects p ON p.id = g.project_id
             CROSS JOIN LATERAL (VALUES (p.district_id), (p.lead_department_id)) a (agency_id)
             WHERE g.ratio < \(rules.behindBelow)::numeric
            ON CONFLICT ON CONSTRAINT notifications_once_key DO NOTHING
            """)
        return try connection.execute(query)
    }
}
