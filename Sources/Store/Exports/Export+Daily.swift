import Campaign
import Foundation
import Postgres

extension Export {
    /// `GET /plans?year=…&format=…`: every visible plan of `year` matching the filters, by project
    /// code, with plan and actual to date, ratio and whether it is behind.
    public static func plans(year: Int, filter: ProjectQueries.Filter, behind: Bool?, progress: PlanQueries.Progress) -> Export {
        let threshold = "\(progress.behindBelow)::numeric"
        let columns: [ExportColumn] = [
            .init("项目编号", .text, "p.code"),
            .init("项目名称", .text, "p.name"),
            .init("所在区县", .text, "d.name"),
            .init("年度计划投资（万元）", .money, "g.annual_investment"),
            .init("计划至今（万元）", .money, "g.plan_to_date"),
            .init("完成至今（万元）", .money, "g.actual_to_date"),
            .init("计划完成率", .ratio, "g.ratio"),
            .flag("进度滞后", "coalesce(g.ratio < \(threshold), false)"),
        ]
        var from: Query = "  FROM ("
        from.append(PlanQueries.toDate(year: year, through: progress.throughMonth?.month ?? 0))
        from.append(") g JOIN app.projects p ON p.id = g.project_id JOIN app.agencies d ON d.id = p.district_id WHERE ")
        from.append(ProjectQueries.condition(filter))
        from.append("""
             AND (\(behind)::boolean IS NULL OR coalesce(g.ratio < \(progress.behindBelow)::numeric, false) = \(behind)::boolean)
             ORDER BY p.code
            """)
        return Export(name: "年度投资计划-\(year)年", sheets: [Sheet(name: "\(year)年度投资计划", columns: columns, from: from)])
    }

    /// `GET /reviews?format=…`: the review queue (reports in `status`, of `month` when given, that
    /// the caller reviews), oldest submission first.
    public static func reviews(status: ReportStatus, month: Month?, districtID: Int64? = nil) -> Export {
        let columns = reportColumns(with: [.init("退回意见", .text, "r.review_comment")])
        var from = reportsWithProjects
        from.append("""
             WHERE r.status = \(status.rawValue) AND (\(month)::date IS NULL OR r.month = \(month)::date)
               AND (\(districtID)::bigint IS NULL OR p.district_id = \(districtID))
               AND ((SELECT app.is_county()) OR p.lead_department_id = (SELECT app.my_department()))
             ORDER BY r.submitted_at, r.id
            """)
        return Export(name: "月报审核", sheets: [Sheet(name: "月报审核", columns: columns, from: from)])
    }

    /// `GET /imports?format=…`: every recorded import the caller sees (the county: all; others:
    /// their agency's), newest first.
    public static func imports() -> Export {
        let columns: [ExportColumn] = [
            .init("编号", .integer, "i.id"),
            .init("类型", .text, "i.kind", labels: ImportKind.chineseLabels),
            .month("月份", "i.month"),
            .init("文件名", .text, "i.file_name"),
            .init("行数", .integer, "i.rows"),
            .init("新增", .integer, "i.created"),
            .init("替换", .integer, "i.replaced"),
            .init("未变", .integer, "i.unchanged"),
            .init("导入单位", .text, "a.name"),
            .init("导入人", .text, "n.display_name"),
            .time("导入时间", "i.at"),
            .init("SHA-256", .text, "i.sha256"),
        ]
        let from: Query = """
              FROM app.imports i
              JOIN app.agencies a ON a.id = i.agency_id
              LEFT JOIN app.user_display_names(ARRAY[i.user_id]) n ON true
             ORDER BY i.id DESC
            """
        return Export(name: "导入记录", sheets: [Sheet(name: "导入记录", columns: columns, from: from)])
    }
}
