/// The county of the campaign plan (余庆县): its departments and ten districts, the ten parks and
/// the logistics city, 48 industrial and 21 service major projects among others, the eleven
/// financing platforms, the seven attraction teams with their joint target, and a year of reports.
enum SeedCounty {
    /// The county agency's code; its presence marks a database that holds the demo.
    static let countyCode = "yuqing"
    static let countyName = "余庆县人民政府（项目建设年活动领导小组）"

    static let districts: [(code: String, name: String)] = [
        ("nanming", "南明区"), ("huaxi", "花溪区"), ("wudang", "乌当区"), ("baiyun", "白云区"), ("qingzhen", "清镇市"),
        ("xiuwen", "修文县"), ("xifeng", "息烽县"), ("kaiyang", "开阳县"), ("jinyang", "金阳新区管委会"),
        ("gaoxin", "高新开发区管委会"),
    ]

    /// 余庆县's administrative division code (行政区划代码), in every national project code.
    static let divisionCode = "520329"
    /// The districts' own division codes (the management committees have none; 金阳新区 is today's 观山湖区).
    static let districtDivisionCodes = [
        "nanming": "520102", "huaxi": "520111", "wudang": "520112", "baiyun": "520113", "qingzhen": "520181",
        "xiuwen": "520123", "xifeng": "520122", "kaiyang": "520121", "jinyang": "520115",
    ]

    /// The parks of the plan: name, district code, standard, share of items done, sectors (indices
    /// into `Vocabulary.sectors`) whose projects settle there.
    static let parks: [(name: String, district: String, standard: String, readiness: Double, sectors: [Int])] = [
        ("小孟装备制造业生态工业园区", "huaxi", "eight_one", 0.67, [0]),
        ("沙文生态科技产业园区", "gaoxin", "eight_one", 0.78, [0, 6]),
        ("南明区龙洞堡食品轻工业园区", "nanming", "eight_one", 0.56, [4]),
        ("花溪区生态工业（石材）园区", "huaxi", "six_one", 0.43, [5]),
        ("乌当区特色食品工业园区", "wudang", "six_one", 0.71, [4, 3]),
        ("白云区铝及铝加工基地", "baiyun", "six_one", 0.86, [1]),
        ("清镇市铝煤化工循环经济生态工业园区", "qingzhen", "six_one", 0.57, [1, 2]),
        ("修文县扎佐医药工业园区", "xiuwen", "six_one", 0.71, [3]),
        ("息烽县精细磷煤化工基地", "xifeng", "six_one", 0.29, [2]),
        ("开阳县磷煤化工生态工业示范基地", "kaiyang", "six_one", 0.43, [2]),
        ("中国·余庆（西南）国际商贸物流城", "jinyang", "eight_one", 0.33, []),
    ]

    /// 把我县十一大投融资平台做强做大: the eleven platforms, the last one named in the plan.
    static let platforms = [
        "余庆县城市建设投资有限公司", "余庆县交通建设投资有限公司", "余庆县工业园区开发投资有限公司",
        "余庆县水务投资有限公司", "余庆县农业投资发展有限公司", "余庆县旅游文化投资有限公司",
        "余庆县国有资产经营有限公司", "余庆县土地开发整理有限公司", "余庆县产业投资基金管理有限公司",
        "余庆县保障性住房建设投资有限公司", "高新开发区高科控股有限公司",
    ]

    /// The six industry teams and the Hong Kong/Macau team: name, leading department, sector
    /// (nil for Hong Kong/Macau) and its share of the joint target in 万元.
    static let teams: [(name: String, lead: String, sector: Int?, target: Int64)] = [
        ("装备制造业招商工作组", "industry", 0, 200_000), ("铝及铝加工业招商工作组", "industry", 1, 200_000),
        ("磷煤化工业招商工作组", "drc", 2, 200_000), ("现代制药业招商工作组", "investment", 3, 150_000),
        ("特色食品业招商工作组", "agriculture", 4, 100_000), ("物流业招商工作组", "drc", nil, 150_000),
        ("港澳招商工作组", "investment", nil, 100_000),
    ]

    /// Builds the county for `year` as it stands on `today`; the same year always gives the same
    /// plan, and a later today only adds the reports, statistics and receipts since.
    static func plan(year: Int, today: Day) -> CountyPlan {
        var plan = CountyPlan(seed: 0x5EED_C0DE, year: year, reportEveryMonth: false, divisionCode: divisionCode)
        plan.today = today
        var random = DemoRandom(seed: plan.seed, stream: UInt64(year))
        plan.addAgencies(prefix: "", county: (countyCode, countyName), countyShort: "余庆县", districts: districts)
        for index in plan.districtIndices {
            plan.agencies[index].divisionCode = districtDivisionCodes[plan.agencies[index].code]
        }
        plan.platforms = platforms
        for park in parks {
            plan.addPark(name: park.name, district: plan.agency(park.district), standard: park.standard,
                         readiness: park.readiness, random: &random)
        }
        addProjects(to: &plan, random: &random)
        addAttraction(to: &plan, random: &random)
        addLand(to: &plan, random: &random)
        plan.addStatisticsAndTargets(random: &random, attractionTargets: teams.map { $0.target * 100 })
        return plan
    }
}
