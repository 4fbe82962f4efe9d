import Campaign
import Foundation
import Postgres

/// 情况说明 in the demo county: once the plans exist, every report whose figure `ExplanationRule`
/// finds unusual against its month's plan gets an explanation, as a clerk would have had to
/// write, so the demo's data obey the rule the API and the import enforce.
enum DemoExplanations {
    /// What clerks write when a month is far below or above its plan.
    static let below = ["春节前后停工，复工后逐步恢复施工", "受雨季影响，土方工程暂停", "设备采购招标延期，本月投资偏低"]
    static let above = ["主体设备集中到货并完成安装，投资集中入账", "抢抓晴好天气加快施工，完成多月工程量", "支付前期工程款，集中结算"]

    /// Writes the explanations; returns how many reports got one.
    static func apply(_ connection: Connection, year: Int, rule: ExplanationRule = .default) throws -> Int {
        let rows = try connection.query("""
            SELECT r.id, r.investment_completed, pl.monthly[date_part('month', r.month)::int] AS planned
              FROM app.monthly_reports r
              JOIN app.investment_plans pl ON pl.project_id = r.project_id AND pl.year = date_part('year', r.month)::int
             WHERE pl.year = \(year) AND r.explanation = ''
            """)
        var ids: [Int64] = []
        var texts: [String] = []
        for row in rows.rows {
            let id: Int64 = try row.decode("id")
            let amount: Decimal = try row.decode("investment_completed")
            let planned: Decimal? = try row.decode("planned")
            guard rule.isUnusual(amount: amount, plan: planned), let planned else { continue }
            let choices = amount < planned ? below : above
            ids.append(id)
            texts.append(choices[Int(id % Int64(choices.count))])
        }
        guard !ids.isEmpty else { return 0 }
        return try connection.execute("""
            UPDATE app.monthly_reports r SET explanation = e.text
              FROM unnest(\(ids)::bigint[], \(texts)::text[]) AS e (id, text)
             WHERE r.id = e.id
            """)
    }
}
