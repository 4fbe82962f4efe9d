import Campaign
import Postgres

extension Export {
    /// `GET /reports?month=…&format=…`: the month's reports of every visible project matching
    /// `filter` (only those in `status` when it is given), by project code.
    public static func monthlyReports(_ month: Month, status: ReportStatus?, filter: ProjectQueries.Filter) -> Export {
        let columns = reportColumns(with: [.init("报送人", .text, "n.display_name")])
        var from = reportsWithProjects
        from.append(" LEFT JOIN app.user_display_names(ARRAY[r.submitted_by]) n ON true")
        from.append(" WHERE ")
        from.append(ProjectQueries.condition(filter))
        from.append(" AND r.month = \(month)")
        if let status { from.append(" AND r.status = \(status.rawValue)") }
        from.append(" ORDER BY p.code")
        // a file of one status says so in its name: 月报-2026年3月（已退回）
        let name = "月报-" + title(of: month) + (status.map { "（\($0.chineseLabel)）" } ?? "")
        return Export(name: name, dated: false, sheets: [Sheet(name: "\(month)月报", columns: columns, from: from)])
    }

    /// A monthly report's columns with its project and district, `extra` before the submission
    /// time and version (the month's reports and the review queue). Every column the import reads
    /// is there, 情况说明 included, so a download sent back as it is changes nothing.
    static func reportColumns(with extra: [ExportColumn]) -> [ExportColumn] {
        [
            .init("项目编号", .text, "p.code"),
            .init("项目名称", .text, "p.name"),
            .init("所在区县", .text, "d.name"),
            .month("月份", "r.month"),
            .init("本月完成投资（万元）", .money, "r.investment_completed"),
            .init("形象进度", .text, "r.progress"),
            .init("存在问题", .text, "r.problems"),
            .init("情况说明", .text, "r.explanation"),
            .init("状态", .text, "r.status", labels: ReportStatus.chineseLabels),
        ] + extra + [
            .time("报送时间", "r.submitted_at"),
            .init("版本", .integer, "r.version"),
        ]
    }

    /// Monthly reports `r` joined to their projects `p` and districts `d`.
    static let reportsWithProjects: Query = """
          FROM app.monthly_reports r
          JOIN app.projects p ON p.id = r.project_id
          JOIN app.agencies d ON d.id = p.district_id
        """

    /// `GET /attraction/deals?format=…`: the visible deals (of one team or district), newest first.
    public static func deals(teamID: Int64?, districtID: Int64?) -> Export {
        let columns: [ExportColumn] = [
            .init("投资方", .text, "d.investor"),
            .init("投资方类型", .text, "d.investor_kind", labels: InvestorKind.chineseLabels),
            .init("招商小组", .text, "t.name"),
            .init("落地区县", .text, "a.name"),
            .init("签约金额（万元）", .money, "d.signed_amount"),
            .init("签约日期", .date, "d.signed_on"),
            .init("关联项目编号", .text, "p.code"),
            .init("到位资金（万元）", .money, "(SELECT coalesce(sum(r.amount), 0) FROM app.receipts r WHERE r.deal_id = d.id)"),
        ]
        let from: Query = """
              FROM app.deals d
              LEFT JOIN app.attraction_teams t ON t.id = d.team_id
              JOIN app.agencies a ON a.id = d.district_id
              LEFT JOIN app.projects p ON p.id = d.project_id
             WHERE (\(teamID)::bigint IS NULL OR d.team_id = \(teamID))
               AND (\(districtID)::bigint IS NULL OR d.district_id = \(districtID))
             ORDER BY d.signed_on DESC, d.id DESC
            """
        return Export(name: "招商引资签约项目", sheets: [Sheet(name: "招商引资签约项目", columns: columns, from: from)])
    }

    /// `GET /targets/{year}?format=…`: each visible agency's targets beside its actuals to date
    /// (`reporting.targets_vs_actuals`, under the caller's row-level security).
    public static func targets(year: Int) -> Export {
        let columns: [ExportColumn] = [
            .init("单位编码", .text, "v.code"),
            .init("单位", .text, "v.name"),
            .init("指标", .text, "v.indicator", labels: Indicator.chineseLabels),
            .init("目标", .money, "v.target"),
            .init("完成", .money, "v.actual_to_date"),
            .init("完成率", .ratio, "v.ratio"),
        ]
        let order = Indicator.allCases.map(\.rawValue)
        let from: Query = """
              FROM reporting.targets_vs_actuals v
             WHERE v.year = \(year)
             ORDER BY v.code, array_position(\(order)::text[], v.indicator)
            """
        return Export(name: "目标任务-\(year)年", sheets: [Sheet(name: "\(year)年目标任务", columns: columns, from: from)])
    }

    /// `GET /approvals?format=…`: approvals of the visible projects with their processing days.
    public static func approvals(_ filter: ApprovalQueries.Filter) -> Export {
        let columns: [ExportColumn] = [
            .init("项目编号", .text, "p.code"),
            .init("项目名称", .text, "p.name"),
            .init("审批手续", .text, "a.kind", labels: ApprovalKind.chineseLabels),
            .init("办理部门", .text, "g.name"),
            .init("申请日期", .date, "a.applied_on"),
            .init("批复日期", .date, "a.decided_on"),
            .init("办理状态", .text, "a.status", labels: ApprovalStatus.chineseLabels),
            .init("办理天数", .integer, "a.decided_on - a.applied_on"),
        ]
        var from: Query = """
              FROM app.approvals a
              JOIN app.projects p ON p.id = a.project_id
              JOIN app.agencies g ON g.id = a.department_id

            """
        from.append(ApprovalQueries.condition(filter))
        from.append(" ORDER BY p.code, a.id")
        return Export(name: "审批手续", sheets: [Sheet(name: "审批手续", columns: columns, from: from)])
    }
}
