/// A vocabulary whose values have the Chinese words county staff use (CONSOLE.md), for
/// spreadsheets: downloads show the label, uploads accept the label or the code.
public protocol ChineseLabelled: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    var chineseLabel: String { get }
}

extension ChineseLabelled {
    /// Code → label, for every value.
    public static var chineseLabels: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.chineseLabel) })
    }

    /// The value whose label or code is `text`.
    public init?(labelOrCode text: String) {
        guard let value = Self.allCases.first(where: { $0.chineseLabel == text || $0.rawValue == text }) else { return nil }
        self = value
    }
}

extension ProjectCategory: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .infrastructure: "基础设施"
        case .industry: "工业"
        case .services: "服务业"
        case .agriculture: "生态农业"
        case .environment: "节能环保"
        case .social: "社会事业"
        }
    }
}

extension Stage: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .reserve: "储备"
        case .preliminary: "前期"
        case .newStart: "新开工"
        case .construction: "在建"
        case .completed: "竣工投产"
        case .suspended: "停建"
        case .cancelled: "取消"
        }
    }
}

extension ApprovalKind: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .filing: "备案"
        case .approval: "审批"
        case .verification: "核准"
        case .land: "用地"
        case .eia: "环评"
        case .planning: "规划许可"
        case .constructionPermit: "施工许可"
        }
    }
}

extension ApprovalStatus: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .pending: "办理中"
        case .approved: "已批复"
        case .rejected: "未通过"
        case .withdrawn: "已撤回"
        }
    }
}

extension InvestorKind: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .centralSOE: "央企"
        case .stateOwned: "国企"
        case .private: "民营企业"
        case .foreign: "外资企业"
        case .hkMacao: "港澳企业"
        case .other: "其他"
        }
    }
}

extension Indicator: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .fai: "全社会固定资产投资"
        case .majorInvestment: "重大项目完成投资"
        case .newStarts: "重大项目新开工"
        case .completions: "重大项目竣工投产"
        case .attractionFunds: "招商引资到位资金"
        }
    }
}

extension AgencyKind: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .county: "县级"
        case .department: "部门"
        case .district: "区县"
        }
    }
}

extension ReportStatus: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .submitted: "已报送"
        case .approved: "已审核"
        case .returned: "已退回"
        }
    }
}

extension ReviewDecision: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .approve: "审核通过"
        case .return: "退回"
        case .reopen: "重新打开"
        }
    }
}

extension ParkStandard: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .sixOne: "六通一平"
        case .eightOne: "八通一平"
        }
    }
}

extension ParkItemStatus: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .planned: "计划"
        case .building: "在建"
        case .done: "已完成"
        }
    }
}

extension ParkItem: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .water: "通水"
        case .drainage: "通排水"
        case .power: "通电"
        case .telecom: "通信"
        case .road: "通路"
        case .gas: "通气"
        case .heating: "通热"
        case .cableTV: "通有线电视"
        case .siteLevelling: "场地平整"
        }
    }
}

extension NotificationKind: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .reportDue: "月报即将到期"
        case .reportLate: "月报逾期"
        case .reportReturned: "月报被退回"
        case .problemOverdue: "问题逾期"
        case .problemEscalated: "督办"
        case .behindPlan: "进度滞后"
        case .assessmentPublished: "考核结果发布"
        case .bulletinIssued: "通报印发"
        case .problemRaised: "包保项目新增问题"
        }
    }
}

extension ImportKind: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .monthlyReports: "月报导入"
        case .projects: "项目导入"
        }
    }
}

extension NotificationSubject: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .project: "项目"
        case .report: "月报"
        case .problem: "困难问题"
        case .assessment: "考核"
        case .bulletin: "通报"
        }
    }
}

extension AgendaSubjectType: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .project: "项目"
        case .problem: "困难问题"
        case .approval: "审批手续"
        }
    }
}

extension ServiceRole: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .leader: "包保县领导"
        case .commissioner: "服务专员"
        }
    }
}

extension Period: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .q1: "第一季度"
        case .q2: "第二季度"
        case .q3: "第三季度"
        case .q4: "第四季度"
        case .year: "年终"
        }
    }
}

extension UserRole: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .admin: "管理员"
        case .editor: "填报员"
        case .viewer: "查阅员"
        }
    }
}

extension ProblemKind: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .land: "用地"
        case .environment: "环境"
        case .rawMaterials: "原材料"
        case .funding: "资金"
        case .approvals: "审批手续"
        case .other: "其他"
        case .meetingDecision: "会议决定事项"
        }
    }
}

extension ProblemStatus: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .open: "待处理"
        case .inProgress: "处理中"
        case .resolved: "已解决"
        case .escalated: "督办"
        }
    }
}

extension FundingKind: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .centralBudget: "中央预算内"
        case .provincial: "省级专项"
        case .countyFiscal: "县级财政"
        case .capitalInjection: "资本金注入"
        case .investmentSubsidy: "投资补助"
        case .loanInterestSubsidy: "贷款贴息"
        case .bankLoan: "银行贷款"
        case .platform: "投融资平台"
        case .selfRaised: "企业自筹"
        case .attracted: "招商引资"
        case .other: "其他"
        }
    }
}

extension MeetingKind: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .weekly: "周调度"
        case .monthly: "月调度"
        case .special: "专题"
        }
    }
}

extension MeetingStatus: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .open: "筹备中"
        case .closed: "已结束"
        }
    }
}

extension AgendaSource: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .overdueProblem: "问题逾期"
        case .escalatedProblem: "督办问题"
        case .behindPlan: "进度滞后"
        case .missingReport: "月报未报"
        case .slowApproval: "审批超时"
        case .carriedOver: "遗留事项"
        case .manual: "临时议题"
        }
    }
}

extension BulletinKind: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .monthly: "月度通报"
        case .assessment: "考核通报"
        }
    }
}

extension BulletinStatus: ChineseLabelled {
    public var chineseLabel: String {
        switch self {
        case .draft: "草稿"
        case .issued: "已印发"
        }
    }
}
