/// One synthetic county of the province-scale data set: the seed county's shape (eight
/// departments, ten districts, eleven parks and platforms, seven teams) with `projects` projects
/// drawn from the same vocabulary, each reporting every month so row counts follow the arguments;
/// one investment deal for every four projects (at least 40), each paid in one to three receipts.
enum ScaleCounty {
    static func deals(projects: Int) -> Int { max(40, projects / 4) }
    static let districtsPerCounty = 10

    /// The agency-code prefix of county `index` (1-based): `p0001-`.
    static func prefix(_ index: Int) -> String {
        "p\(String(repeating: "0", count: max(0, 4 - String(index).count)))\(index)-"
    }

    static func plan(index: Int, seed: UInt64, year: Int, projects count: Int) -> CountyPlan {
        let prefix = prefix(index)
        let short = "模拟县" + prefix.dropFirst().dropLast()
        let division = "52" + String(repeating: "0", count: max(0, 4 - String(index).count)) + String(index)
        var plan = CountyPlan(
            seed: seed &+ UInt64(index) &* 0x1_0000_0001, year: year, reportEveryMonth: true, divisionCode: division)
        var random = DemoRandom(seed: seed, stream: UInt64(index))
        let districts = (1...districtsPerCounty).map { d in
            (code: "d\(Day.pad(d))", name: d > 8 ? "\(short)第\(d - 8)管委会" : "\(short)第\(d)区")
        }
        plan.addAgencies(prefix: prefix, county: ("county", "\(short)人民政府"), countyShort: short, districts: districts)
        plan.platforms = SeedCounty.platforms.map { name in
            name.hasPrefix("余庆县") ? short + name.dropFirst(3) : short + "高科控股有限公司"
        }
        for (i, park) in SeedCounty.parks.enumerated() {
            plan.addPark(name: short + park.name, district: plan.districtIndices[i % districtsPerCounty],
                         standard: park.standard, readiness: random.double(0.2, 1), random: &random)
        }
        for i in 0..<count {
            plan.addProject(project(i, plan: plan, prefix: prefix, random: &random), random: &random)
        }
        for team in SeedCounty.teams {
            plan.teams.append(.init(name: short + team.name, lead: plan.department(team.lead)))
        }
        for d in 0..<deals(projects: count) {
            let linked = random.chance(0.3) ? random.int(0...(count - 1)) : nil
            let district = linked.map { plan.projects[$0].district } ?? random.pick(plan.districtIndices)
            let kind = d % 7 == 6 ? "hk_macao" : random.pick(["central_soe", "state_owned", "private", "private", "foreign", "other"])
            let investor = kind == "central_soe" ? random.pick(Vocabulary.centralSOEs)
                : kind == "hk_macao" ? random.pick(Vocabulary.hkMacaoInvestors) : "\(random.pick(Vocabulary.brands))投资集团有限公司"
            let signedOn = Day(year, random.int(1...9), random.int(1...28))
            let received = Int64(random.int(2_000...60_000)) * 100
            let parts = random.int(1...3)
            plan.deals.append(.init(
                team: d % 7, investor: investor, investorKind: kind, signed: received * 2, signedOn: signedOn,
                district: district, project: linked,
                receipts: (1...parts).map { p in
                    (signedOn.adding(days: 20 + p * 25), p == parts ? received - received / Int64(parts) * Int64(parts - 1) : received / Int64(parts))
                }
            ))
        }
        plan.addStatisticsAndTargets(random: &random, attractionTargets: nil)
        return plan
    }

    private static let categories: [(String, Int)] = [
        ("industry", 35), ("services", 15), ("infrastructure", 20), ("agriculture", 12), ("environment", 8), ("social", 10),
    ]
    private static let stages: [(String, Int)] = [
        ("reserve", 10), ("preliminary", 15), ("new_start", 15), ("construction", 40), ("completed", 15),
        ("suspended", 3), ("cancelled", 2),
    ]

    private static func weighted(_ table: [(String, Int)], _ random: inout DemoRandom) -> String {
        var roll = random.int(1...table.reduce(0) { $0 + $1.1 })
        for (value, weight) in table {
            roll -= weight
            if roll <= 0 { return value }
        }
        return table[0].0
    }

    private static func project(_ i: Int, plan: CountyPlan, prefix: String, random: inout DemoRandom) -> CountyPlan.ProjectSpec {
        let category = weighted(categories, &random)
        let major = random.chance(0.35)
        let district = random.pick(plan.districtIndices)
        let brand = random.pick(Vocabulary.brands)
        let scale = major ? 1 : 10
        let code = "\(plan.year)-\(prefix)\(SeedCounty.codes[category]!)-\(i + 1)"
        var spec = CountyPlan.ProjectSpec(
            code: code, name: "", owner: "", category: category, industry: nil, stage: weighted(stages, &random), major: major,
            district: district, total: (5_000 / scale)...(300_000 / scale), land: 10...500
        )
        switch category {
        case "industry":
            let sector = random.pick(Vocabulary.sectors)
            (spec.name, spec.owner, spec.industry, spec.eiaHeavy) =
                ("\(brand)\(random.pick(sector.products))项目", "\(brand)\(sector.ownerSuffix)", sector.industry, sector.eiaHeavy)
            spec.park = random.chance(0.7) ? plan.parks.indices.first { plan.parks[$0].district == district } : nil
        case "services":
            let s = random.pick(Vocabulary.services)
            (spec.name, spec.owner, spec.industry) = ("\(brand)\(s.name)项目", brand + s.owner, s.industry)
        case "infrastructure":
            let s = random.pick(Vocabulary.infrastructure)
            (spec.name, spec.owner, spec.industry) = (plan.agencies[district].name + s.name, plan.agencies[district].name + s.owner, "基础设施")
        case "agriculture":
            let s = random.pick(Vocabulary.agriculture)
            (spec.name, spec.owner, spec.industry) = ("\(brand)\(s.name)项目", "\(brand)农业开发有限公司", s.industry)
        case "environment":
            (spec.name, spec.owner, spec.industry) = ("\(brand)\(random.pick(Vocabulary.environment))项目", "\(brand)环保科技有限公司", "节能环保")
        default:
            let s = random.pick(Vocabulary.social)
            (spec.name, spec.owner, spec.industry) = (plan.agencies[district].name + s.name + "项目", plan.agencies[district].name + s.owner, "社会事业")
        }
        return spec
    }
}
