/// The Chinese name of each field (column) as county staff call it, for history entries and
/// messages; the console's `field.*` labels say the same.
public enum FieldLabel {
    /// The label of `field`, or nil for a field people never see by name.
    public static func label(_ field: String) -> String? { labels[field] }

    static let labels: [String: String] = [
        "code": "项目编号", "national_code": "项目代码", "name": "名称", "owner": "业主单位", "category": "行业类别",
        "industry": "所属行业", "stage": "建设阶段", "major": "重大项目", "district_id": "所在区县",
        "lead_department_id": "牵头部门", "park_id": "所在园区", "total_investment": "总投资", "planned_start": "计划开工日期",
        "planned_completion": "计划竣工日期", "actual_start": "实际开工日期", "actual_completion": "实际竣工日期",
        "land_area": "用地面积（亩）", "eia_class": "环评类别", "green_channel": "绿色通道", "central_soe": "央企项目",
        "investment_completed": "本月完成投资", "progress": "形象进度", "problems": "存在问题", "explanation": "情况说明",
        "month": "月份", "status": "状态", "submitted_at": "报送时间", "submitted_by": "报送人", "reviewed_at": "审核时间",
        "reviewed_by": "审核人", "review_comment": "退回意见", "kind": "类型", "platform_id": "投融资平台",
        "planned_amount": "计划资金", "amount_in_place": "到位资金", "department_id": "办理部门", "applied_on": "申报日期",
        "decided_on": "批复日期", "processing_days": "办理天数", "description": "问题描述", "due_on": "办结时限",
        "resolution": "解决情况", "resolved_on": "解决日期", "annual_investment": "年度计划投资", "monthly": "各月计划投资",
        "year": "年度", "amount": "金额", "note": "备注", "file_name": "文件名", "media_type": "文件类型", "size": "文件大小",
        "caption": "说明", "uploaded_by": "上传人", "created_by": "创建人", "area_mu": "面积（亩）", "from_reserve": "使用预留指标",
        "agency_id": "所属单位", "assigned_by": "交办人", "resolved_by": "解决人", "escalated_at": "督办时间",
        "first_submitted_at": "首次报送时间", "filename": "文件名", "content_type": "文件类型", "taken_at": "拍摄时间",
        "latitude": "纬度", "longitude": "经度", "uploaded_at": "上传时间", "division_code": "行政区划代码",
    ]
}
