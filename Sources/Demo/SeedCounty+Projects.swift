import Foundation

/// The seed county's project register.
extension SeedCounty {
    /// Stages of the major projects of each category, in the order they are handed out.
    static let majorStages: [String: [(stage: String, count: Int)]] = [
        "industry": [("preliminary", 8), ("new_start", 12), ("construction", 20), ("completed", 6), ("suspended", 2)],
        "services": [("preliminary", 4), ("new_start", 5), ("construction", 8), ("completed", 3)],
        "infrastructure": [("preliminary", 3), ("new_start", 4), ("construction", 8), ("completed", 3)],
        "agriculture": [("preliminary", 2), ("new_start", 3), ("construction", 5), ("completed", 2)],
        "environment": [("preliminary", 1), ("new_start", 2), ("construction", 4), ("completed", 1)],
        "social": [("preliminary", 2), ("new_start", 2), ("construction", 4), ("completed", 1), ("cancelled", 1)],
    ]

    static let codes = ["infrastructure": "JC", "industry": "GY", "services": "FW", "agriculture": "NY",
                        "environment": "HB", "social": "SH"]

    static func addProjects(to plan: inout CountyPlan, random: inout DemoRandom) {
        var serial: [String: Int] = [:]
        func code(_ category: String) -> String {
            serial[category, default: 0] += 1
            let n = serial[category]!
            return "\(plan.year)-YQ-\(codes[category]!)-\(n < 10 ? "000" : n < 100 ? "00" : "0")\(n)"
        }
        for category in ["industry", "services", "infrastructure", "agriculture", "environment", "social"] {
            for (stage, count) in majorStages[category]! {
                for _ in 0..<count {
                    var spec = project(category, stage: stage, major: true, plan: plan, random: &random)
                    spec.code = code(category)
                    plan.addProject(spec, random: &random)
                }
            }
        }
        // Projects led by departments other than the category default.
        let special: [(category: String, name: String, owner: String, lead: String, stage: String)] = [
            ("social", "余庆县公共资源交易中心建设项目", "余庆县财政局", "finance", "construction"),
            ("social", "余庆县统计大数据中心建设项目", "余庆县统计局", "statistics", "new_start"),
            ("environment", "余庆县高标准土地整治项目", "余庆县自然资源局", "land", "construction"),
            ("environment", "余庆县地质灾害综合治理工程", "余庆县自然资源局", "land", "completed"),
            ("services", "余庆县招商引资服务中心及会展配套项目", "余庆县投资促进局", "investment", "new_start"),
        ]
        for s in special {
            var spec = project(s.category, stage: s.stage, major: true, plan: plan, random: &random)
            spec.code = code(s.category)
            spec.name = s.name
            spec.owner = s.owner
            spec.lead = plan.department(s.lead)
            plan.addProject(spec, random: &random)
        }
        // Smaller projects, and the reserve library (项目库).
        let categories = ["industry", "services", "infrastructure", "agriculture", "environment", "social"]
        for i in 0..<30 {
            let stage = ["preliminary", "new_start", "construction", "construction", "completed"][i % 5]
            var spec = project(categories[i % 6], stage: stage, major: false, plan: plan, random: &random)
            spec.code = code(spec.category)
            plan.addProject(spec, random: &random)
        }
        for i in 0..<30 {
            let category = categories[(i * 5) % 6]
            var spec = project(category, stage: "reserve", major: category != "industry" && i % 3 == 0, plan: plan, random: &random)
            spec.code = code(category)
            spec.name = "（储备）" + spec.name
            plan.addProject(spec, random: &random)
        }
    }

    /// A project of `category` with a plausible name, owner, place, park and size.
    static func project(_ category: String, stage: String, major: Bool, plan: CountyPlan,
                        random: inout DemoRandom) -> CountyPlan.ProjectSpec {
        let districtIndex = random.int(0...(districts.count - 1))
        var district = plan.agency(districts[districtIndex].code)
        let place = districts[districtIndex].name.replacingOccurrences(of: "管委会", with: "")
        let brand = random.pick(Vocabulary.brands)
        let scale = major ? 1 : 10
        var spec: CountyPlan.ProjectSpec
        switch category {
        case "industry":
            let sectorIndex = random.int(0...(Vocabulary.sectors.count - 1))
            let sector = Vocabulary.sectors[sectorIndex]
            let homes = parks.indices.filter { parks[$0].sectors.contains(sectorIndex) }
            let park = homes.isEmpty || random.chance(0.15) ? nil : random.pick(homes)
            if let park { district = plan.agency(parks[park].district) }
            spec = .init(code: "", name: "\(brand)\(random.pick(sector.products))项目", owner: "贵州\(brand)\(sector.ownerSuffix)",
                         category: category, industry: sector.industry, stage: stage, major: major, district: district,
                         park: park, total: (50_000 / scale)...(600_000 / scale), land: 50...500, eiaHeavy: sector.eiaHeavy)
        case "services":
            let service = random.pick(Vocabulary.services)
            let logistics = service.industry == "物流" && random.chance(0.7)
            if logistics { district = plan.agency("jinyang") }
            spec = .init(code: "", name: "\(place)\(service.name)项目", owner: "贵州\(brand)\(service.owner)", category: category,
                         industry: service.industry, stage: stage, major: major, district: district,
                         park: logistics ? parks.count - 1 : nil, total: (20_000 / scale)...(300_000 / scale), land: 20...300)
        case "infrastructure":
            let item = random.pick(Vocabulary.infrastructure)
            let owner = item.owner.hasSuffix("公司") ? "余庆县\(item.owner)" : "\(place)\(item.owner)"
            spec = .init(code: "", name: "\(place)\(item.name)", owner: owner, category: category, industry: "基础设施",
                         stage: stage, major: major, district: district, total: (30_000 / scale)...(800_000 / scale),
                         land: 30...600, eiaHeavy: random.chance(0.4))
        case "agriculture":
            let item = random.pick(Vocabulary.agriculture)
            spec = .init(code: "", name: "\(place)\(item.name)项目", owner: "\(place)\(brand)农业开发有限公司", category: category,
                         industry: item.industry, stage: stage, major: major, district: district,
                         total: (5_000 / scale)...(60_000 / scale), land: 100...2_000)
        case "environment":
            spec = .init(code: "", name: "\(place)\(random.pick(Vocabulary.environment))项目", owner: "余庆县\(brand)环保科技有限公司",
                         category: category, industry: "节能环保", stage: stage, major: major, district: district,
                         total: (10_000 / scale)...(120_000 / scale), land: 10...200)
        default:
            let item = random.pick(Vocabulary.social)
            spec = .init(code: "", name: "\(place)\(item.name)项目", owner: "\(place)\(item.owner)", category: category,
                         industry: "社会事业", stage: stage, major: major, district: district,
                         total: (5_000 / scale)...(90_000 / scale), land: 10...150)
        }
        return spec
    }
}
