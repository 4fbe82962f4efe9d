import Campaign
import Foundation
import Postgres

/// A bulletin's figures (通报数据), computed in one SQL statement from the data as of its cut-off and
/// recorded with it as JSON: `{"summary": {...}, "tables": [{"code", "title", "columns": [{"code",
/// "label"}], "rows": [{column code: value}]}]}`. Money in 万元 with two decimals, ratios as
/// percentages with one decimal. Run as a county caller (row-level security shows every row).
public enum BulletinFigureQueries {
    /// What a monthly bulletin is computed with.
    public struct MonthlyRules: Sendable {
        public var month: Month
        /// Below this plan ratio a project is behind.
        public var behindBelow: Decimal
        /// The report deadline day of the month after `month` (the year's scheme).
        public var deadlineDay: Int

        public init(month: Month, behindBelow: Decimal, deadlineDay: Int) {
            self.month = month
            self.behindBelow = behindBelow
            self.deadlineDay = deadlineDay
        }
    }

    /// A table's JSON: `rows` is a query whose columns are named by `columns`' codes.
    static func table(_ code: String, _ title: String, _ columns: [(String, String)], rows: String, order: String) -> String {
        let labels = columns.map { "json_build_object('code', '\($0.0)', 'label', '\($0.1)')" }.joined(separator: ", ")
        return """
            json_build_object('code', '\(code)', 'title', '\(title)', 'columns', json_build_array(\(labels)),
                              'rows', coalesce((SELECT json_agg(to_json(t) ORDER BY \(order)) FROM (\(rows)) t), '[]'))
            """
    }

    /// The monthly bulletin's figures (月度通报) through `rules.month`.
    public static func monthly(_ rules: MonthlyRules, on connection: Connection) throws -> String {
        let month = rules.month
        var query: Query = "WITH plans AS ("
        query.append(PlanQueries.toDate(year: month.year, through: month.month))
        query.append("""
            ), params AS (SELECT \(month)::date AS month, make_date(\(month.year)::integer, 1, 1) AS year_start,
                                 \(month.lastDay)::date AS cut_off, \(rules.behindBelow)::numeric AS behind_below,
                                 \(rules.deadlineDay)::integer AS deadline_day),
            remit AS (
                SELECT a.id AS agency_id, a.name AS agency, a.kind, p.*
                  FROM app.agencies a JOIN app.projects p ON p.major AND (p.district_id = a.id OR p.lead_department_id = a.id)
            ),
            investment AS (
                SELECT a.id, a.name AS agency, a.kind,
                       (SELECT t.amount FROM app.targets t WHERE t.agency_id = a.id AND t.year = \(month.year)::integer
                           AND t.indicator = 'major_investment') AS target,
                       round(coalesce((SELECT sum(g.plan_to_date) FROM remit r JOIN plans g ON g.project_id = r.id
                                        WHERE r.agency_id = a.id), 0), 2) AS plan_to_date,
                       round(coalesce((SELECT sum(m.investment_completed) FROM remit r
                                         JOIN app.monthly_reports m ON m.project_id = r.id AND m.status <> 'returned'
                                        CROSS JOIN params x
                                        WHERE r.agency_id = a.id AND m.month BETWEEN x.year_start AND x.month), 0), 2) AS actual_to_date
                  FROM app.agencies a WHERE a.kind IN ('district', 'department')
            ),
            late AS (
                SELECT p.district_id,
                       count(*) FILTER (WHERE m.id IS NULL) AS missing,
                       count(*) FILTER (WHERE m.first_submitted_days_after_month >= x.deadline_day) AS late,
                       count(*) FILTER (WHERE m.status = 'returned') AS returned
                  FROM app.projects p CROSS JOIN params x
                  LEFT JOIN app.monthly_reports m ON m.project_id = p.id AND m.month = x.month
                 WHERE p.major AND p.stage IN ('new_start', 'construction', 'completed')
                   AND p.actual_start <= x.cut_off
                 GROUP BY p.district_id
            ),
            open_problems AS (
                SELECT coalesce(q.department_id, p.lead_department_id, p.district_id) AS agency_id,
                       count(*) FILTER (WHERE q.kind <> 'meeting_decision') AS outstanding,
                       count(*) FILTER (WHERE q.kind <> 'meeting_decision' AND q.due_on < x.cut_off) AS overdue,
                       count(*) FILTER (WHERE q.kind = 'meeting_decision' AND q.due_on < x.cut_off) AS overdue_decisions
                  FROM app.problems q JOIN app.projects p ON p.id = q.project_id CROSS JOIN params x
                 WHERE q.status <> 'resolved'
                 GROUP BY 1
            )
            SELECT json_build_object(
                'summary', (SELECT json_build_object(
                        'plan_to_date', coalesce(sum(g.plan_to_date), 0), 'actual_to_date', coalesce(sum(g.actual_to_date), 0),
                        'ratio_to_date', round(sum(g.actual_to_date) / nullif(sum(g.plan_to_date), 0) * 100, 1),
                        'behind_projects', count(*) FILTER (WHERE g.ratio < (SELECT behind_below FROM params)))
                      FROM plans g JOIN app.projects p ON p.id = g.project_id WHERE p.major),
                'tables', json_build_array(
            """)
        query.append(Query(stringLiteral: [
            table("investment", "各单位重大项目投资完成情况",
                  [("agency", "单位"), ("target", "年度目标（万元）"), ("plan_to_date", "计划至本月（万元）"),
                   ("actual_to_date", "累计完成（万元）"), ("ratio_to_date", "计划完成率（%）")],
                  rows: """
                      SELECT i.agency, i.target, i.plan_to_date, i.actual_to_date,
                             round(i.actual_to_date / nullif(i.plan_to_date, 0) * 100, 1) AS ratio_to_date, i.kind, i.id
                        FROM investment i
                      """, order: "t.kind DESC, t.ratio_to_date DESC NULLS LAST, t.id"),
            table("starts_completions", "新开工和竣工投产情况",
                  [("agency", "单位"), ("new_starts_target", "新开工目标（个）"), ("new_starts", "新开工（个）"),
                   ("completions_target", "竣工目标（个）"), ("completions", "竣工投产（个）")],
                  rows: """
                      SELECT a.name AS agency, a.kind, a.id,
                             (SELECT t.amount FROM app.targets t WHERE t.agency_id = a.id AND t.year = extract(year FROM x.cut_off)::int
                                 AND t.indicator = 'new_starts') AS new_starts_target,
                             (SELECT count(*) FROM remit r WHERE r.agency_id = a.id AND r.actual_start BETWEEN x.year_start AND x.cut_off) AS new_starts,
                             (SELECT t.amount FROM app.targets t WHERE t.agency_id = a.id AND t.year = extract(year FROM x.cut_off)::int
                                 AND t.indicator = 'completions') AS completions_target,
                             (SELECT count(*) FROM remit r WHERE r.agency_id = a.id
                                 AND r.actual_completion BETWEEN x.year_start AND x.cut_off) AS completions
                        FROM app.agencies a CROSS JOIN params x WHERE a.kind IN ('district', 'department')
                      """, order: "t.kind DESC, t.id"),
            table("behind_plan", "投资进度滞后的重大项目",
                  [("code", "项目编号"), ("name", "项目名称"), ("district", "所在区县"), ("lead_department", "牵头部门"),
                   ("plan_to_date", "计划至本月（万元）"), ("actual_to_date", "累计完成（万元）"), ("ratio_to_date", "计划完成率（%）")],
                  rows: """
                      SELECT p.code, p.name, d.name AS district, l.name AS lead_department, round(g.plan_to_date, 2) AS plan_to_date,
                             round(g.actual_to_date, 2) AS actual_to_date, round(g.ratio * 100, 1) AS ratio_to_date
                        FROM plans g JOIN app.projects p ON p.id = g.project_id JOIN app.agencies d ON d.id = p.district_id
                        LEFT JOIN app.agencies l ON l.id = p.lead_department_id CROSS JOIN params x
                       WHERE p.major AND g.ratio < x.behind_below
                      """, order: "t.ratio_to_date, t.code"),
            table("problems", "困难问题和会议决定事项办理情况",
                  [("agency", "责任单位"), ("outstanding", "未解决问题（个）"), ("overdue", "其中逾期（个）"),
                   ("overdue_decisions", "逾期未办结决定事项（个）")],
                  rows: """
                      SELECT a.name AS agency, o.outstanding, o.overdue, o.overdue_decisions, a.id
                        FROM open_problems o JOIN app.agencies a ON a.id = o.agency_id
                      """, order: "t.overdue + t.overdue_decisions DESC, t.id"),
            table("reports", "月报报送情况",
                  [("agency", "区县"), ("missing", "未报送（个）"), ("late", "迟报（个）"), ("returned", "被退回（个）")],
                  rows: """
                      SELECT a.name AS agency, coalesce(l.missing, 0) AS missing, coalesce(l.late, 0) AS late,
                             coalesce(l.returned, 0) AS returned, a.id
                        FROM app.agencies a LEFT JOIN late l ON l.district_id = a.id WHERE a.kind = 'district'
                      """, order: "t.id"),
        ].joined(separator: ",\n")))
        query.append("))::text AS figures")
        return try connection.query(query)[0].decode("figures")
    }

    /// The assessment bulletin's figures (考核通报) from run `runID`: each group's ranking, the
    /// commended top three, and the accountable units (year runs) and those behind schedule
    /// (quarterly runs) with the indicators they missed.
    public static func assessment(runID: Int64, on connection: Connection) throws -> String {
        let indicators = """
            (SELECT string_agg(CASE c WHEN 'fai' THEN '全社会固定资产投资' WHEN 'major_investment' THEN '重大项目投资'
                                      WHEN 'new_starts' THEN '新开工项目' WHEN 'completions' THEN '竣工投产项目'
                                      WHEN 'attraction_funds' THEN '招商引资到位资金' ELSE c END, '、')
               FROM unnest(r.missed || r.behind) c)
            """
        let ranking = { (group: String) in
            """
            SELECT r.rank, a.name AS agency, r.score_rounded AS score, round(r.deduction, 2) AS deduction,
                   CASE WHEN r.commended THEN '通报表扬' WHEN r.accountable THEN '问责' ELSE '' END AS standing, a.id
              FROM app.assessment_results r JOIN app.agencies a ON a.id = r.agency_id
             WHERE r.run_id = (SELECT run_id FROM params) AND r.group_kind = '\(group)'
            """
        }
        let columns = [("rank", "排名"), ("agency", "单位"), ("score", "综合得分"), ("deduction", "扣分"), ("standing", "通报表扬/问责")]
        let sql = """
            SELECT json_build_object(
                'summary', json_build_object('run_id', (SELECT run_id FROM params),
                    'agencies', (SELECT count(*) FROM app.assessment_results r WHERE r.run_id = (SELECT run_id FROM params))),
                'tables', json_build_array(
                    \(table("ranking_district", "区县组考核排名", columns, rows: ranking("district"), order: "t.rank NULLS LAST, t.id")),
                    \(table("ranking_department", "部门组考核排名", columns, rows: ranking("department"), order: "t.rank NULLS LAST, t.id")),
                    \(table("commended", "通报表扬单位（各组前三名）", [("group", "组别"), ("rank", "排名"), ("agency", "单位"), ("score", "综合得分")],
                            rows: """
                                SELECT CASE r.group_kind WHEN 'district' THEN '区县组' ELSE '部门组' END AS "group", r.rank, a.name AS agency,
                                       r.score_rounded AS score, r.group_kind
                                  FROM app.assessment_results r JOIN app.agencies a ON a.id = r.agency_id
                                 WHERE r.run_id = (SELECT run_id FROM params) AND (r.commended OR (r.rank <= 3 AND NOT r.accountable))
                                """, order: "t.group_kind DESC, t.rank")),
                    \(table("accountable", "问责和进度滞后单位及其未完成指标",
                            [("group", "组别"), ("agency", "单位"), ("standing", "情形"), ("score", "综合得分"), ("missed", "未完成指标")],
                            rows: """
                                SELECT CASE r.group_kind WHEN 'district' THEN '区县组' ELSE '部门组' END AS "group", a.name AS agency,
                                       CASE WHEN r.accountable THEN '问责' ELSE '进度滞后' END AS standing,
                                       r.score_rounded AS score, coalesce(\(indicators), '') AS missed, r.group_kind, r.rank
                                  FROM app.assessment_results r JOIN app.agencies a ON a.id = r.agency_id
                                 WHERE r.run_id = (SELECT run_id FROM params) AND (r.accountable OR cardinality(r.behind) > 0)
                                """, order: "t.group_kind DESC, t.rank NULLS LAST"))
                ))::text AS figures
            """
        var query: Query = "WITH params AS (SELECT \(runID)::bigint AS run_id) "
        query.append(Query(stringLiteral: sql))
        return try connection.query(query)[0].decode("figures")
    }
}
