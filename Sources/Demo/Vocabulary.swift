/// Names the generated data is made of: the seed county's own (from the campaign plan) and
/// plausible ones for projects, owners and investors.
enum Vocabulary {
    /// The departments every county has: code suffix, name, and the category they lead by default.
    static let departments: [(code: String, name: String)] = [
        ("drc", "发展和改革局"), ("industry", "工业和信息化局"), ("agriculture", "农业农村局"),
        ("land", "自然资源局"), ("environment", "生态环境局"), ("investment", "投资促进局"),
        ("finance", "财政局"), ("statistics", "统计局"),
    ]

    /// The default lead department (code suffix) per category (DOMAIN.md; environment and social
    /// are the county's choice).
    static let categoryLeads: [(category: String, department: String)] = [
        ("infrastructure", "drc"), ("industry", "industry"), ("services", "drc"),
        ("agriculture", "agriculture"), ("environment", "environment"), ("social", "drc"),
    ]

    /// An industry sector: its name, products, owner-name suffix and the attraction team for it.
    struct Sector {
        var industry: String
        var products: [String]
        var ownerSuffix: String
        var eiaHeavy: Bool
    }

    static let sectors: [Sector] = [
        Sector(industry: "装备制造", products: ["数控机床生产线", "工程机械零部件制造", "新能源汽车零部件", "智能制造装备产业园", "电力装备制造基地", "航空零部件精密加工"], ownerSuffix: "机械制造有限公司", eiaHeavy: false),
        Sector(industry: "铝及铝加工", products: ["年产20万吨铝合金型材", "铝板带箔精深加工", "再生铝综合利用", "高端铝合金轮毂", "铝基新材料"], ownerSuffix: "铝业有限公司", eiaHeavy: true),
        Sector(industry: "磷煤化工", products: ["年产30万吨精细磷酸盐", "磷石膏综合利用", "湿法磷酸净化", "黄磷尾气综合利用", "电子级磷酸"], ownerSuffix: "化工有限责任公司", eiaHeavy: true),
        Sector(industry: "现代制药", products: ["中药饮片GMP生产线", "生物制药产业化基地", "苗药研发生产基地", "医疗器械生产"], ownerSuffix: "药业股份有限公司", eiaHeavy: false),
        Sector(industry: "特色食品", products: ["特色辣椒制品深加工", "茶叶精深加工", "饮用天然水生产线", "肉制品加工", "刺梨饮品生产线"], ownerSuffix: "食品有限公司", eiaHeavy: false),
        Sector(industry: "建材石材", products: ["石材精深加工", "新型墙体材料", "装配式建筑构件"], ownerSuffix: "建材有限公司", eiaHeavy: false),
        Sector(industry: "电子信息", products: ["电子元器件生产", "大数据产业园", "智能终端制造"], ownerSuffix: "科技有限公司", eiaHeavy: false),
    ]

    static let brands = ["黔源", "筑联", "乌江", "云岭", "兴黔", "金桥", "华锦", "宏信", "鼎盛", "恒丰", "新航", "瑞和",
                         "泰安", "鸿运", "聚力", "天成", "汇通", "盛世", "百川", "长顺", "高原", "山水", "红枫", "南江"]

    static let services: [(name: String, industry: String, owner: String)] = [
        ("国际商贸物流城", "物流", "商贸物流有限公司"), ("冷链物流中心", "物流", "冷链物流有限公司"),
        ("快递物流分拨中心", "物流", "供应链管理有限公司"), ("电子商务产业园", "商贸", "电子商务有限公司"),
        ("国际会展中心", "会展", "会展服务有限公司"), ("文化旅游综合体", "旅游", "文化旅游开发有限公司"),
        ("温泉度假区", "旅游", "旅游投资有限公司"), ("金融服务中心", "金融", "金融控股有限公司"),
        ("城市商业综合体", "商贸", "置业有限公司"), ("乡村旅游示范区", "旅游", "乡村旅游开发有限公司"),
        ("农产品批发市场", "商贸", "农产品市场有限公司"), ("五星级酒店", "旅游", "酒店管理有限公司"),
    ]

    static let infrastructure: [(name: String, owner: String)] = [
        ("城区道路改造工程", "住房和城乡建设局"), ("城市快速通道", "交通运输局"), ("污水处理厂提标改造", "水务局"),
        ("城乡供水一体化工程", "水务局"), ("110千伏输变电工程", "供电局"), ("天然气管网工程", "燃气有限公司"),
        ("县乡公路改扩建", "交通运输局"), ("中型水库工程", "水务局"), ("城市地下综合管廊", "住房和城乡建设局"),
        ("汽车客运站", "交通运输局"), ("5G通信基站", "通信建设有限公司"),
    ]

    static let agriculture: [(name: String, industry: String)] = [
        ("蔬菜保供基地", "蔬菜"), ("生态畜牧养殖小区", "畜牧"), ("中药材种植基地", "中药材"), ("茶叶标准化基地", "茶叶"),
        ("精品水果产业园", "水果"), ("高标准农田建设", "粮食"), ("生猪标准化养殖场", "畜牧"), ("食用菌产业园", "食用菌"),
    ]

    static let environment: [String] = [
        "生活垃圾焚烧发电", "工业固废综合利用", "湿地公园", "石漠化综合治理", "河道综合治理", "餐厨垃圾处理",
        "余热余压利用节能改造", "农村生活污水治理",
    ]

    static let social: [(name: String, owner: String)] = [
        ("人民医院迁建", "卫生健康局"), ("第一中学扩建", "教育局"), ("职业技术学校新校区", "教育局"),
        ("保障性住房", "住房和城乡建设局"), ("养老服务中心", "民政局"), ("全民健身体育中心", "文体广电旅游局"),
        ("公共租赁住房", "住房和城乡建设局"), ("文化馆图书馆", "文体广电旅游局"), ("疾控中心业务楼", "卫生健康局"),
    ]

    static let centralSOEs = [
        "中国铝业集团有限公司", "中国电力建设集团有限公司", "中国建筑集团有限公司", "中国中化控股有限责任公司",
        "国家能源投资集团有限责任公司", "中国交通建设集团有限公司", "中国铁建股份有限公司", "中国化学工程集团有限公司",
        "华润（集团）有限公司", "中国医药集团有限公司", "中粮集团有限公司", "招商局集团有限公司",
        "中国五矿集团有限公司", "中国节能环保集团有限公司", "中国物流集团有限公司", "中国机械工业集团有限公司",
    ]

    static let hkMacaoInvestors = [
        "香港华盛投资有限公司", "澳门永利达实业有限公司", "香港中港物流集团有限公司", "香港新世纪控股有限公司",
        "澳门恒信发展有限公司", "香港瑞丰国际贸易有限公司",
    ]

    static let problemTexts: [String: [String]] = [
        "land": ["用地指标不足，需调整年度用地计划", "征地拆迁进度滞后", "林地占用手续尚未办结"],
        "environment": ["环评报告需补充大气影响分析", "项目选址涉及饮用水源保护区，需调整", "排污总量指标待落实"],
        "raw_materials": ["铝锭等原材料价格上涨，成本压力大", "砂石料供应紧张", "磷矿石供应合同尚未落实"],
        "funding": ["银行贷款审批进度慢，资金缺口较大", "配套资金未按期到位", "平台公司融资受限"],
        "approvals": ["项目核准材料需补正", "施工许可办理时间较长", "规划条件需重新论证"],
        "other": ["施工用电接入未完成", "周边群众诉求需协调", "设计变更待审批"],
    ]

    /// Who works a problem of each kind (department code suffix).
    static let problemDepartments: [String: String] = [
        "land": "land", "environment": "environment", "raw_materials": "industry", "funding": "finance",
        "approvals": "drc", "other": "investment",
    ]
}
