/// The seed county's investment attraction and land.
extension SeedCounty {
    /// Deals of the seven teams, sixteen with central SOEs (the target is fifteen), and receipts
    /// through the year adding up to about the joint target.
    static func addAttraction(to plan: inout CountyPlan, random: inout DemoRandom) {
        let y = plan.year
        var soes = Vocabulary.centralSOEs.makeIterator()
        for (t, team) in teams.enumerated() {
            plan.teams.append(.init(name: team.name, lead: plan.department(team.lead)))
            let homes: [String] = team.sector.map { s in parks.filter { $0.sectors.contains(s) }.map(\.district) }
                ?? (team.name.hasPrefix("物流") ? ["jinyang", "jinyang", "nanming", "baiyun"] : districts.map(\.code))
            let count = random.int(6...9)
            let received = team.target * Int64(random.int(82...118))
            let soeCount = team.sector == nil ? (team.name.hasPrefix("物流") ? 3 : 0) : [3, 3, 3, 2, 2][team.sector!]
            var left = received
            for d in 0..<count {
                let district = plan.agency(random.pick(homes))
                let kind: String
                let investor: String
                if d < soeCount, let soe = soes.next() {
                    (kind, investor) = ("central_soe", soe)
                } else if team.sector == nil && !team.name.hasPrefix("物流") {
                    (kind, investor) = ("hk_macao", random.pick(Vocabulary.hkMacaoInvestors))
                } else {
                    kind = random.pick(["private", "private", "state_owned", "foreign", "other"])
                    investor = "\(random.pick(["贵州", "重庆", "四川", "广东", "浙江", "江苏"]))\(random.pick(Vocabulary.brands))投资集团有限公司"
                }
                let amount = d == count - 1 ? left : left * Int64(random.int(10...30)) / 100
                left -= amount
                let signedOn = Day(random.chance(0.2) ? y - 1 : y, random.int(1...9), random.int(1...28))
                let project = linkedProject(plan, district: district, sector: team.sector, soe: kind == "central_soe", random: &random)
                if let project, kind == "central_soe" { plan.projects[project].centralSOE = true }
                plan.deals.append(.init(
                    team: t, investor: investor, investorKind: kind, signed: amount * Int64(random.int(120...220)) / 100,
                    signedOn: signedOn, district: district, project: project,
                    receipts: receipts(amount, after: signedOn, year: y, random: &random)
                ))
            }
        }
    }

    /// An industrial project in the deal's district (of its sector where one exists).
    private static func linkedProject(_ plan: CountyPlan, district: Int, sector: Int?, soe: Bool,
                                      random: inout DemoRandom) -> Int? {
        guard soe || random.chance(0.4) else { return nil }
        let industry = sector.map { Vocabulary.sectors[$0].industry }
        let candidates = plan.projects.indices.filter { i in
            let p = plan.projects[i]
            return p.district == district && p.stage != "reserve" && (industry == nil || p.industry == industry)
        }
        return candidates.isEmpty ? nil : random.pick(candidates)
    }

    /// Splits `amount` into one to four receipts between the signing day and the year's end.
    private static func receipts(_ amount: Int64, after signedOn: Day, year: Int,
                                 random: inout DemoRandom) -> [(on: Day, amount: Int64)] {
        let first = max(signedOn.adding(days: 15), Day(year, 1, 10))
        let span = Day(year, 12, 20).serial - first.serial
        let count = span < 30 ? 1 : random.int(1...4)
        var left = amount
        return (0..<count).map { i in
            let part = i == count - 1 ? left : left * Int64(random.int(20...50)) / 100
            left -= part
            return (Day(serial: first.serial + span * (i + 1) / (count + 1) + random.int(0...9)), part)
        }.sorted { $0.on < $1.on }
    }

    /// The year's construction-land quota, a fifth of it reserved for major (especially
    /// industrial) projects, allocated to projects that start building, within both shares.
    static func addLand(to plan: inout CountyPlan, random: inout DemoRandom) {
        let quota: Int64 = 6_000_00, reserved: Int64 = 1_500_00
        plan.landQuota = (quota, reserved)
        var usedRegular: Int64 = 0, usedReserve: Int64 = 0
        for (i, p) in plan.projects.enumerated() where ["preliminary", "new_start"].contains(p.stage) {
            guard let area = p.landArea, area > 0 else { continue }
            let fromReserve = p.major && p.category == "industry" && random.chance(0.6)
            if fromReserve, usedReserve + area <= reserved {
                usedReserve += area
                plan.landAllocations.append(.init(project: i, area: area, fromReserve: true))
            } else if usedRegular + area <= quota - reserved {
                usedRegular += area
                plan.landAllocations.append(.init(project: i, area: area, fromReserve: false))
            }
        }
    }
}
