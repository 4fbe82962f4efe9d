import Campaign
import Foundation

extension Export {
    /// `GET /rankings?format=…`: one sheet per group, every indicator's actual, target, ratio and points.
    public static func ranking(_ groups: RankingGroups, year: Int, period: Period) -> Export {
        let yearRun = period == .year
        var columns: [ExportColumn] = [.init("排名", .integer, ""), .init("单位编码", .text, ""), .init("单位", .text, ""),
                                       .init("综合得分", .money, "")]
        if yearRun {
            columns.append(.init("年度得分", .money, ""))
            columns += ["一季度", "二季度", "三季度", "四季度"].map { ExportColumn("\($0)得分", .money, "") }
        }
        for indicator in Indicator.allCases {
            let label = indicator.chineseLabel
            columns += [.init("\(label)完成", .money, ""), .init("\(label)目标", .money, ""),
                        .init("\(label)完成率", .ratio, ""), .init("\(label)得分", .money, "")]
        }
        columns += [.init("扣分", .money, ""), .init("暂定", .text, ""), .init("通报表扬", .text, ""), .init("问责", .text, ""),
                    .init("未完成指标", .text, ""), .init("进度滞后指标", .text, "")]
        func row(_ entry: RankingEntry) -> [String?] {
            func text(_ value: Decimal?) -> String? { value.map { "\($0)" } }
            func flag(_ value: Bool) -> String { value ? "是" : "否" }
            func names(_ codes: [Indicator]) -> String { codes.map(\.chineseLabel).joined(separator: "、") }
            var values: [String?] = [entry.rank.map(String.init), entry.agency.code, entry.agency.name, text(entry.score)]
            if yearRun {
                values.append(text(entry.yearScore))
                values += (0..<4).map { text(entry.quarterScores?[$0] ?? nil) }
            }
            for indicator in Indicator.allCases {
                let line = entry.indicators.first { $0.code == indicator }
                values += [text(line?.actual), text(line?.target), text(line?.ratio), text(line?.points)]
            }
            values += [text(entry.deduction), flag(entry.provisional), flag(entry.commended), flag(entry.accountable),
                       names(entry.missed), names(entry.behind)]
            return values
        }
        return Export(name: "考核排名-" + title(year: year, period: period), dated: false, sheets: [
            Sheet(name: "区县组", columns: columns, source: .values(groups.district.map(row))),
            Sheet(name: "部门组", columns: columns, source: .values(groups.department.map(row))),
        ])
    }

    /// An indicator of an agency below its cumulative target (`GET /warnings`).
    public struct IndicatorShortfall: Sendable {
        public var agency: AgencyRef
        public var indicator: Indicator
        public var actual: Decimal
        public var target: Decimal
        public var ratio: Decimal

        public init(agency: AgencyRef, indicator: Indicator, actual: Decimal, target: Decimal, ratio: Decimal) {
            self.agency = agency
            self.indicator = indicator
            self.actual = actual
            self.target = target
            self.ratio = ratio
        }
    }

    /// `GET /warnings?format=…`: indicator and project warnings in one table (类型 tells which).
    public static func warnings(year: Int, indicators: [IndicatorShortfall], projects: [WarningQueries.ProjectWarning]) -> Export {
        let columns: [ExportColumn] = [
            .init("类型", .text, ""), .init("单位", .text, ""), .init("指标", .text, ""), .init("完成", .money, ""),
            .init("累计目标", .money, ""), .init("完成率", .ratio, ""), .init("项目编号", .text, ""), .init("项目名称", .text, ""),
            .init("预警原因", .text, ""), .init("月份", .month, ""), .init("计划开工", .date, ""),
        ]
        let indicatorRows: [[String?]] = indicators.map {
            ["指标预警", $0.agency.name, $0.indicator.chineseLabel, "\($0.actual)", "\($0.target)", "\($0.ratio)",
             nil, nil, "进度滞后", nil, nil]
        }
        let projectRows: [[String?]] = projects.map {
            ["项目预警", nil, nil, nil, nil, nil, $0.project.code, $0.project.name, $0.reason.chineseLabel,
             $0.month?.description, $0.plannedStart?.description]
        }
        return Export(name: "预警-\(year)年", sheets: [Sheet(name: "预警", columns: columns, source: .values(indicatorRows + projectRows))])
    }
}
