import Campaign
import Postgres

extension Export {
    /// The project register's columns, shared by the download and the projects import.
    public enum ProjectHeader {
        public static let code = "项目编号"
        public static let name = "项目名称"
        public static let owner = "业主单位"
        public static let category = "类别"
        public static let industry = "行业"
        public static let stage = "阶段"
        public static let major = "重大项目"
        public static let district = "所在区县"
        public static let leadDepartment = "牵头部门"
        public static let park = "园区"
        public static let totalInvestment = "总投资（万元）"
        public static let plannedStart = "计划开工"
        public static let plannedCompletion = "计划竣工"
        public static let actualStart = "实际开工"
        public static let actualCompletion = "实际竣工"
        public static let landArea = "用地面积（亩）"
        public static let eiaClass = "环评类别"
        public static let greenChannel = "绿色通道"
        public static let centralSOE = "央企项目"
        public static let yearToDate = "本年累计完成（万元）"
        /// Last, so a clerk sees it is for re-import only.
        public static let version = "版本（导入用，勿改）"
        public static let nationalCode = "项目代码"
    }

    /// `GET /projects?format=…`: every visible project matching `filter`, by code.
    public static func projects(_ filter: ProjectQueries.Filter) -> Export {
        typealias H = ProjectHeader
        let columns: [ExportColumn] = [
            .init(H.code, .text, "p.code"),
            .init(H.name, .text, "p.name"),
            .init(H.owner, .text, "p.owner"),
            .init(H.category, .text, "p.category", labels: ProjectCategory.chineseLabels),
            .init(H.industry, .text, "p.industry"),
            .init(H.stage, .text, "p.stage", labels: Stage.chineseLabels),
            .flag(H.major, "p.major"),
            .init(H.district, .text, "d.name"),
            .init(H.leadDepartment, .text, "l.name"),
            .init(H.park, .text, "k.name"),
            .init(H.totalInvestment, .money, "p.total_investment"),
            .init(H.plannedStart, .date, "p.planned_start"),
            .init(H.plannedCompletion, .date, "p.planned_completion"),
            .init(H.actualStart, .date, "p.actual_start"),
            .init(H.actualCompletion, .date, "p.actual_completion"),
            .init(H.landArea, .money, "p.land_area"),
            .init(H.eiaClass, .text, "p.eia_class"),
            .flag(H.greenChannel, "p.green_channel"),
            .flag(H.centralSOE, "p.central_soe"),
            .init(H.yearToDate, .money, """
                (SELECT coalesce(sum(r.investment_completed), 0) FROM app.monthly_reports r WHERE r.project_id = p.id
                    AND r.month >= date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai')::date)
                """),
            .init(H.nationalCode, .text, "p.national_code"),
            .init(H.version, .integer, "p.version"),
        ]
        var from: Query = """
              FROM app.projects p
              JOIN app.agencies d ON d.id = p.district_id
              JOIN app.agencies l ON l.id = p.lead_department_id
              LEFT JOIN app.parks k ON k.id = p.park_id

            """
        from.append(" WHERE ")
        from.append(ProjectQueries.condition(filter))
        from.append(" ORDER BY p.code")
        return Export(name: "项目库", sheets: [Sheet(name: "项目库", columns: columns, from: from)])
    }
}
