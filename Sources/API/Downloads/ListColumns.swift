import Campaign
import Spreadsheet
import Store

/// The Chinese header of every member a list item has, in the order a sheet shows them: one
/// catalogue for every list that has no export of its own (`ListSheet`). A member is found by its
/// path (`subject.type`) or else by its name; a number's format is the member's own when given
/// here, else money for numbers and whole numbers for integers.
enum ListColumns {
    struct Entry {
        let header: String
        let format: Column.Format?
        /// Codes shown as the words county staff use, for a member whose schema lists none
        /// (one that lists its codes is worded by their vocabulary: `labels(forCodes:)`).
        let labels: [String: String]
    }

    static func entry(_ path: String) -> (order: Int, entry: Entry)? {
        let key = path.split(separator: ".").last.map(String.init) ?? path
        guard let index = index[path] ?? index[key] else { return nil }
        return (index, catalogue[index].1)
    }

    private static let index: [String: Int] = Dictionary(
        catalogue.enumerated().map { ($0.element.0, $0.offset) }, uniquingKeysWith: { first, _ in first })

    /// The words of the vocabulary whose codes are exactly `codes` (a member whose schema lists
    /// its codes: `Schema.choice`), or nil. A member is worded by its own vocabulary, so a code that
    /// two vocabularies share keeps each one's word: a park item `done` is 已完成, a run `done`
    /// 已完成（待发布）; a report `approved` is 已审核, an approval `approved` 已批复.
    static func labels(forCodes codes: [String]) -> [String: String]? {
        let wanted = Set(codes)
        return vocabularies.first { Set($0.keys) == wanted }
    }

    private static let vocabularies: [[String: String]] = [
        ReportStatus.chineseLabels, ApprovalStatus.chineseLabels, AssessmentRunRecord.Status.chineseLabels,
        ParkItemStatus.chineseLabels, ProblemStatus.chineseLabels, MeetingStatus.chineseLabels, BulletinStatus.chineseLabels,
        ProjectCategory.chineseLabels, Stage.chineseLabels, ApprovalKind.chineseLabels, AgencyKind.chineseLabels,
        InvestorKind.chineseLabels, Indicator.chineseLabels, Period.chineseLabels, UserRole.chineseLabels,
        ParkStandard.chineseLabels, ProblemKind.chineseLabels, FundingKind.chineseLabels, MeetingKind.chineseLabels,
        AgendaSource.chineseLabels, BulletinKind.chineseLabels, ReviewDecision.chineseLabels, ParkItem.chineseLabels,
        NotificationKind.chineseLabels, ServiceRole.chineseLabels, NotificationSubject.chineseLabels, ImportKind.chineseLabels,
        AgendaSubjectType.chineseLabels,
    ]

    private static func e(_ key: String, _ header: String, _ format: Column.Format? = nil, _ labels: [String: String] = [:]) -> (String, Entry) {
        (key, Entry(header: header, format: format, labels: labels))
    }

    private static let catalogue: [(String, Entry)] = [
        e("id", "编号", .integer),
        e("year", "年度", .integer), e("period", "考核期"),
        e("month", "月份", .month),
        e("code", "编码"), e("name", "名称"), e("username", "用户名"), e("display_name", "姓名"),
        e("agency", "单位"), e("kind", "类型"),
        e("division_code", "行政区划代码"), e("role", "角色"), e("active", "启用"),
        e("project", "项目"), e("project.code", "项目编号"), e("project.name", "项目名称"),
        e("project_id", "项目ID", .integer), e("district_id", "所在区县ID", .integer),
        e("lead_department_id", "牵头部门ID", .integer), e("department_id", "部门ID", .integer),
        e("agency_id", "单位ID", .integer), e("team_id", "招商专班ID", .integer), e("deal_id", "签约项目ID", .integer),
        e("park_id", "园区ID", .integer), e("platform_id", "融资平台ID", .integer), e("row_id", "记录ID", .integer),
        e("category", "类别"), e("standard", "园区标准"), e("item", "基础设施项目"),
        e("investor", "投资方"), e("investor_kind", "投资方类型"),
        e("signed_amount", "签约金额（万元）"), e("signed_on", "签约日期"), e("funds_in_place", "到位资金（万元）"),
        e("received_on", "到位日期"), e("amount", "金额（万元）"),
        e("investment_completed", "本月完成投资（万元）"), e("progress", "形象进度"), e("problems", "存在问题"), e("explanation", "情况说明"),
        e("changed_by", "修改人"), e("source", "来源"),
        e("planned_amount", "计划金额（万元）"), e("amount_in_place", "到位资金（万元）"),
        e("planned_investment", "计划投资（万元）"), e("completed_investment", "完成投资（万元）"),
        e("items_total", "基础设施项数", .integer), e("items_done", "已完成项数", .integer), e("readiness", "基础设施完成度", .ratio),
        e("area_mu", "面积（亩）"), e("from_reserve", "使用预留指标"),
        e("fai", "全社会固定资产投资（万元）"), e("major_investment", "重大项目完成投资（万元）"),
        e("new_starts", "重大项目新开工"), e("completions", "重大项目竣工投产"), e("attraction_funds", "招商引资到位资金（万元）"),
        e("applied_on", "申请日期"), e("decided_on", "批复日期"), e("processing_days", "办理天数", .integer),
        e("description", "问题描述"), e("due_on", "办结时限"), e("resolution", "办理结果"), e("resolved_on", "办结日期"),
        e("note", "备注"),
        e("status", "状态"),
        e("read", "已读"), e("title", "标题"), e("body", "内容"), e("subject", "对象"), e("subject.type", "对象类型"),
        e("subject.id", "对象编号", .integer), e("subject.project_id", "对象所属项目ID", .integer),
        e("filename", "文件名"), e("content_type", "文件类型"), e("size", "大小（字节）", .integer), e("sha256", "SHA-256"),
        e("taken_at", "拍摄时间"), e("latitude", "纬度", .text), e("longitude", "经度", .text),
        e("action", "操作", nil, ["insert": "新增", "update": "修改", "delete": "删除"]), e("table", "数据表"), e("changes", "修改内容"),
        e("error", "错误"),
        e("review_comment", "审核意见"), e("user", "操作人"), e("submitted_by", "报送人"), e("reviewed_by", "审核人"),
        e("uploaded_by", "上传人"),
        e("created_at", "创建时间"), e("first_submitted_at", "首次报送时间"), e("submitted_at", "报送时间"),
        e("reviewed_at", "审核时间"), e("started_at", "开始时间"), e("finished_at", "完成时间"), e("published_at", "发布时间"),
        e("uploaded_at", "上传时间"), e("at", "时间"), e("updated_at", "更新时间"),
        e("version", "版本", .integer),
    ]
}
