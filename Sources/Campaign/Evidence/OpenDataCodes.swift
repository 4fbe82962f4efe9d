/// How the campaign's vocabulary maps onto the OC4IDS 0.9 codelists (docs/EVIDENCE.md).
public enum OpenDataCodes {
    /// projectStatus of a stage: reserve → identification, preliminary → preparation, new_start and
    /// construction → implementation, completed → completion, cancelled → cancelled; a suspended
    /// project stays in implementation once started, in preparation before.
    public static func status(_ stage: Stage, started: Bool) -> String {
        switch stage {
        case .reserve: "identification"
        case .preliminary: "preparation"
        case .newStart, .construction: "implementation"
        case .completed: "completion"
        case .suspended: started ? "implementation" : "preparation"
        case .cancelled: "cancelled"
        }
    }

    /// projectSector of a project: the first entry of `sectorKeywords` found in its industry,
    /// else — for public works (infrastructure, environment, social), whose industry such as
    /// 基础设施 or 社会事业 says too little: a reservoir and a road are both 基础设施 — in its
    /// name, else the category's (`sector(_:)`). An enterprise's project is placed by its
    /// industry alone: a plant making medical devices is economy, not health.
    public static func sector(industry: String?, name: String, category: ProjectCategory) -> String {
        for text in [industry ?? ""] + (ownerIsPublicAuthority(category) ? [name] : []) {
            if let match = sectorKeywords.first(where: { entry in entry.words.contains { text.contains($0) } }) { return match.sector }
        }
        return sector(category)
    }

    /// Industry words and project-name words → the closest OC4IDS projectSector code (docs/EVIDENCE.md
    /// lists the table); checked in order, so more specific words come first.
    public static let sectorKeywords: [(words: [String], sector: String)] = [
        (["医院", "卫生", "疾控", "医疗", "养老", "康养"], "health"),
        (["学校", "中学", "小学", "幼儿园", "职业技术", "教育", "大学", "学院"], "education"),
        (["污水", "供水", "水厂", "垃圾", "固废", "餐厨", "水库", "水务", "排水"], "waterAndWaste"),
        (["光伏", "太阳能"], "energy.solar"),
        (["风电", "风力"], "energy.wind"),
        (["水电站"], "energy.hydropower"),
        (["输变电", "变电站", "电网", "发电", "天然气", "燃气", "能源", "节能改造", "余热"], "energy"),
        (["5G", "通信", "基站", "信息网络", "大数据", "数据中心"], "communications"),
        (["防洪", "堤防", "河道"], "naturalResources.floodProtection"),
        (["湿地", "石漠化", "生态修复", "造林", "水土保持", "矿山"], "naturalResources"),
        (["保障性住房", "公共租赁住房", "棚户区", "安置房"], "socialHousing"),
        (["体育", "全民健身", "文化馆", "图书馆", "博物馆", "旅游", "度假", "景区"], "cultureSportsAndRecreation"),
        (["机场", "航空港"], "transport.air"),
        (["港口", "码头", "航道"], "transport.water"),
        (["铁路", "高铁"], "transport.rail"),
        (["公交", "轨道交通", "地铁", "综合管廊"], "transport.urban"),
        (["物流", "道路", "公路", "快速通道", "客运", "桥", "隧道", "交通", "停车"], "transport"),
        (["政务", "办公楼", "业务楼", "服务中心"], "governance"),
    ]

    /// projectSector of a category, when neither industry nor name says more.
    public static func sector(_ category: ProjectCategory) -> String {
        switch category {
        case .infrastructure: "transport"
        case .industry, .services, .agriculture: "economy"
        case .environment: "naturalResources"
        case .social: "governance"
        }
    }

    /// Whether the owner of a project of this category acts as the public authority (public works);
    /// otherwise it is the buyer (an enterprise investing).
    public static func ownerIsPublicAuthority(_ category: ProjectCategory) -> Bool {
        [.infrastructure, .environment, .social].contains(category)
    }
}
