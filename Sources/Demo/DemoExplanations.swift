import Campaign
import Foundation
import Postgres
import Store

/// 情况说明 in the demo county: once the plans exist, every report whose figure `ExplanationRule`
/// finds unusual against its month's plan gets an explanation, as a clerk would have had to
/// write, so the demo's data obey the rule the API and the import enforce.
enum DemoExplanations {
    /// What clerks write when a month is far below or above its plan.
    static let below = ["春节前后停工，复工后逐步恢复施工", "受雨季影响，土方工程暂停", "设备采购招标延期，本月投资偏低"]
    static let above = ["主体设备集中到货并完成安装，投资集中入账", "抢抓晴好天气加快施工，完成多月工程量", "支付前期工程款，集中结算"]

    /// Writes the explanations; returns how many reports got one.
    static func apply(_ connection: Connection, year: Int, rule: ExplanationRule = .default) throws -> Int {
        var ids: [Int64] = []
        var texts: [String] = []
        for report in try DemoDailyWorkQueries.unexplained(year: year, on: connection) {
            guard rule.isUnusual(amount: report.amount, plan: report.planned), let planned = report.planned else { continue }
            let choices = report.amount < planned ? below : above
            ids.append(report.id)
            texts.append(choices[Int(report.id % Int64(choices.count))])
        }
        guard !ids.isEmpty else { return 0 }
        return try DemoDailyWorkQueries.explain(ids: ids, texts: texts, on: connection)
    }
}
