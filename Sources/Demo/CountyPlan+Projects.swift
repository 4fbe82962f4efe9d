/// How a project of a given category and stage is filled in: dates, money, approvals, funding
/// and problems consistent with its stage and the plan's year.
extension CountyPlan {
    struct ProjectSpec {
        var code: String
        var name: String
        var owner: String
        var category: String
        var industry: String?
        var stage: String
        var major: Bool
        var district: Int
        var lead: Int? = nil
        var park: Int? = nil
        /// Total investment range in 万元.
        var total: ClosedRange<Int>
        /// Land area range in 亩.
        var land: ClosedRange<Int>
        var eiaHeavy: Bool = false
        var centralSOE: Bool = false
    }

    /// Adds a project and its records; returns its position.
    @discardableResult
    mutating func addProject(_ spec: ProjectSpec, random: inout DemoRandom) -> Int {
        let y = year
        func day(_ year: Int, _ months: ClosedRange<Int>) -> Day {
            Day(year, random.int(months), random.int(1...28))
        }
        var p = Project(
            code: spec.code, name: spec.name, owner: spec.owner, category: spec.category, industry: spec.industry,
            stage: spec.stage, major: spec.major, district: spec.district,
            lead: spec.lead ?? categoryLeads.first { $0.category == spec.category }!.department,
            park: spec.park, total: Int64(random.int(spec.total)) * 100,
            landArea: Int64(random.int(spec.land)) * 100,
            eiaClass: spec.eiaHeavy ? "报告书" : random.pick(["报告表", "报告表", "登记表"]),
            greenChannel: ["infrastructure", "social", "environment"].contains(spec.category) ? random.chance(0.6) : random.chance(0.1),
            centralSOE: spec.centralSOE
        )
        let years = random.int(1...3)
        switch spec.stage {
        case "reserve":
            p.plannedStart = day(y + 1, 1...12)
        case "preliminary", "cancelled":
            p.plannedStart = day(y + random.int(0...1), 3...12)
        case "new_start":
            p.actualStart = day(y, 1...11)
            p.plannedStart = p.actualStart!.adding(days: random.int(-60...30))
            p.yearShare = random.int(120...300)
        case "construction":
            p.actualStart = day(y - random.int(1...2), 1...12)
            p.plannedStart = p.actualStart!.adding(days: random.int(-90...0))
            p.yearShare = random.int(250...420)
        case "completed":
            p.actualStart = day(y - random.int(1...2), 1...12)
            p.actualCompletion = day(y, 2...12)
            p.plannedStart = p.actualStart!.adding(days: random.int(-60...0))
            p.yearShare = random.int(200...380)
        case "suspended":
            p.actualStart = day(y - 1, 1...12)
            p.plannedStart = p.actualStart
            p.yearShare = random.int(40...120)
            p.lastReportMonth = random.int(3...8)
        default:
            break
        }
        if let start = p.plannedStart {
            p.plannedCompletion = p.actualCompletion.map { $0.adding(days: random.int(-60...60)) }
                ?? start.adding(days: 365 * years + random.int(0...180))
            if p.plannedCompletion! < start { p.plannedCompletion = start.adding(days: 300) }
        }
        p.approvals = approvals(for: p, random: &random)
        p.funding = funding(for: p, random: &random)
        p.nationalCode = nationalCode(for: p, position: projects.count)
        if p.major, ["preliminary", "new_start", "construction", "suspended"].contains(p.stage), random.chance(0.35) {
            p.problems = (0..<random.int(1...2)).map { _ in problem(random: &random) }
        }
        projects.append(p)
        return projects.count - 1
    }

    private func approvals(for p: Project, random: inout DemoRandom) -> [Approval] {
        let kinds: [String]
        let progressed = ["new_start", "construction", "completed", "suspended"].contains(p.stage)
        switch p.stage {
        case "reserve": kinds = random.chance(0.3) ? ["filing"] : []
        case "preliminary", "cancelled": kinds = [p.category == "industry" ? "filing" : "approval", "land", "eia"]
        default: kinds = [p.category == "industry" ? (p.major ? "verification" : "filing") : "approval", "land", "eia", "planning", "construction_permit"]
        }
        var applied = (p.actualStart ?? p.plannedStart ?? Day(year, 6, 1)).adding(days: -random.int(150...300))
        return kinds.map { kind in
            let department = department(kind == "land" || kind == "planning" ? "land" : kind == "eia" ? "environment" : "drc")
            let days = p.greenChannel ? random.int(2...8) : kind == "eia" && p.eiaClass == "报告书" ? random.int(30...60) : random.int(8...40)
            applied = applied.adding(days: random.int(5...30))
            let pending = !progressed && (kind != "filing" && kind != "approval" || p.stage == "reserve") && random.chance(0.6)
            let status = pending ? "pending" : (p.stage == "cancelled" && kind == "eia" ? "rejected" : "approved")
            return Approval(kind: kind, department: department, appliedOn: applied,
                            decidedOn: status == "pending" ? nil : applied.adding(days: days), status: status)
        }
    }

    private func funding(for p: Project, random: inout DemoRandom) -> [Funding] {
        let mix: [String] = switch p.category {
        case "infrastructure": ["central_budget", "provincial", "platform", "bank_loan", "county_fiscal"]
        case "industry": ["self_raised", "bank_loan", "attracted", "investment_subsidy", "loan_interest_subsidy"]
        case "services": ["self_raised", "attracted", "bank_loan", "platform"]
        case "agriculture": ["central_budget", "provincial", "county_fiscal", "self_raised", "investment_subsidy"]
        case "environment": ["central_budget", "provincial", "capital_injection", "platform", "other"]
        default: ["central_budget", "provincial", "county_fiscal", "platform"]
        }
        let count = min(mix.count, random.int(2...4))
        let inPlace: ClosedRange<Int> = switch p.stage {
        case "reserve", "cancelled": 0...0
        case "preliminary": 3...15
        case "new_start": 20...45
        case "construction": 45...85
        case "suspended": 25...50
        default: 90...100
        }
        var remaining = p.total
        return (0..<count).map { i in
            let kind = mix[i]
            let amount = i == count - 1 ? remaining : remaining * Int64(random.int(30...60)) / 100
            remaining -= amount
            let platform = kind == "platform" && !platforms.isEmpty ? random.int(0...(platforms.count - 1)) : nil
            return Funding(kind: kind == "platform" && platform == nil ? "other" : kind, platform: platform,
                           planned: amount, inPlace: amount * Int64(random.int(inPlace)) / 100)
        }
    }

    private func problem(random: inout DemoRandom) -> Problem {
        let kind = random.pick(["land", "environment", "raw_materials", "funding", "approvals", "other"])
        let due = Day(year, random.int(2...12), random.int(1...28))
        let status = random.pick(["open", "in_progress", "in_progress", "resolved", "resolved", "escalated"])
        return Problem(
            kind: kind, description: random.pick(Vocabulary.problemTexts[kind]!),
            department: department(Vocabulary.problemDepartments[kind]!), dueOn: due, status: status,
            resolution: status == "resolved" ? "经项目建设年活动领导小组协调，问题已解决" : nil,
            resolvedOn: status == "resolved" ? due.adding(days: -random.int(0...20)) : nil
        )
    }
}
