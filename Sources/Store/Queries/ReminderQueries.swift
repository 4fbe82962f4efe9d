import Campaign
import Foundation
import Postgres

/// The reminder scan (提醒与督办, DOMAIN.md): run by the worker, it writes every notification
/// that is due on `today`. Each statement inserts with `ON CONFLICT DO NOTHING` on the
/// notifications' exactly-once key (agency, kind, subject, period), so a scan repeated, or run
/// by two workers at once, or retried after a crash, creates each notification once. Run it in
/// one transaction: a scan interrupted half-way leaves nothing behind.
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
        let (monthText, deadlineText) = (Wording.month(month), Wording.date(deadline))
        var outcome = Outcome()
        // Major projects under way in the report month without a (counted) report for it.
        let missing = """
             FROM app.projects p
            WHERE p.major AND p.stage IN ('new_start', 'construction')
              AND p.actual_start <= (\(month)::date + interval '1 month')::date - 1
              AND NOT exists (SELECT 1 FROM app.monthly_reports r WHERE r.project_id = p.id AND r.month = \(month)::date)
            """ as Query
        var due: Query = """
            INSERT INTO app.notifications (agency_id, kind, title, body, subject_type, subject_id, month, period)
            SELECT p.district_id, 'report_due',
                   format('【月报提醒】%s %s：%s月报请于 %s 前报送', p.code, p.name, \(monthText)::text, \(deadlineText)::text),
                   format('项目 %s %s 尚未报送 %s月度进展，报送截止日为 %s。', p.code, p.name, \(monthText)::text, \(deadlineText)::text),
                   'project', p.id, \(month)::date, \(month.description)::text
            """
        due.append(missing)
        due.append(" AND \(rules.today)::date BETWEEN \(deadline)::date - 3 AND \(deadline)::date ON CONFLICT ON CONSTRAINT notifications_once_key DO NOTHING")
        outcome.created[.reportDue] = try connection.execute(due)
        var late: Query = """
            INSERT INTO app.notifications (agency_id, kind, title, body, subject_type, subject_id, month, period)
            SELECT a.agency_id, 'report_late',
                   format('【月报逾期】%s %s：%s月报逾期未报', p.code, p.name, \(monthText)::text),
                   format('项目 %s %s 的 %s月度进展报送截止日 %s 已过，请尽快报送。', p.code, p.name, \(monthText)::text, \(deadlineText)::text),
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
            INSERT INTO app.notifications (agency_id, kind, title, body, subject_type, subject_id, period)
            SELECT r.agency_id, 'problem_overdue',
                   format('【%s逾期】%s %s：已超过办结期限', CASE WHEN x.kind = 'meeting_decision' THEN '决定事项' ELSE '问题' END,
                          p.code, p.name),
                   format('%s“%s”的办结期限为 %s，尚未办结；逾期 %s 天将提交领导小组督办。',
                          CASE WHEN x.kind = 'meeting_decision' THEN '会议决定事项' ELSE '问题' END,
                          left(x.description, 200), app.wording_date(x.due_on), \(rules.escalateAfterDays)::integer),
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
            INSERT INTO app.notifications (agency_id, kind, title, body, subject_type, subject_id, period)
            SELECT r.agency_id, 'problem_escalated',
                   format('【督办】%s %s：问题逾期 %s 天未解决，提交领导小组督办%s', p.code, p.name, \(rules.escalateAfterDays)::integer,
                          coalesce('（包保县领导：' || ld.display_name || '）', '')),
                   format('问题“%s”（责任单位：%s）办结期限为 %s，至今未解决。', left(x.description, 200),
                          coalesce(d.name, '未指定'), app.wording_date(x.due_on)),
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
            INSERT INTO app.notifications (agency_id, kind, title, body, subject_type, subject_id, month, period)
            SELECT a.agency_id, 'behind_plan',
                   format('【计划预警】%s %s：投资完成滞后于年度计划', p.code, p.name),
                   format('截至 %s，累计完成投资 %s，为计划 %s的 %s。', \(Wording.month(month))::text,
                          app.wording_money(g.actual_to_date), app.wording_money(g.plan_to_date), app.wording_percent(g.ratio)),
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
