/// Investment attraction, targets and statistics of a plan.
extension PlanWriter {
    func writeAttraction(_ plan: CountyPlan, agency: Int) throws {
        let team = base("attraction_teams", plan.teams.count)
        try copy("attraction_teams", "id, name, lead_department_id", plan.teams.indices) { i in
            "\(team + i)\t\(CopyText.text(plan.teams[i].name))\t\(agency + plan.teams[i].lead)"
        }
        let project = ids.last["projects"]! - plan.projects.count + 1
        let deal = base("deals", plan.deals.count)
        try copy("deals", "id, team_id, investor, investor_kind, signed_amount, signed_on, district_id, project_id", plan.deals.indices) { i in
            let d = plan.deals[i]
            return "\(deal + i)\t\(team + d.team)\t\(CopyText.text(d.investor))\t\(d.investorKind)\t\(CopyText.money(d.signed))\t\(d.signedOn.text)\t\(agency + d.district)\t\(CopyText.id(d.project.map { project + $0 }))"
        }
        try copyChildren("receipts", "id, deal_id, received_on, amount") { emit in
            for (i, d) in plan.deals.enumerated() {
                for r in d.receipts where plan.hasPassed(r.on) {
                    try emit { id in "\(id)\t\(deal + i)\t\(r.on.text)\t\(CopyText.money(r.amount))" }
                }
            }
        }
    }

    func writeTargetsAndStatistics(_ plan: CountyPlan, agency: Int) throws {
        let target = base("targets", plan.targets.count)
        try copy("targets", "id, year, agency_id, indicator, amount", plan.targets.indices) { i in
            let t = plan.targets[i]
            return "\(target + i)\t\(plan.year)\t\(agency + t.agency)\t\(t.indicator)\t\(t.amount.map(CopyText.money) ?? "\\N")"
        }
        try copyChildren("fai_statistics", "id, agency_id, month, amount") { emit in
            for s in plan.faiStatistics {
                for (m, amount) in s.amounts.enumerated() where plan.hasPassed(Day.endOfMonth(plan.year, m + 1)) {
                    try emit { id in "\(id)\t\(agency + s.district)\t\(plan.year)-\(Day.pad(m + 1))-01\t\(CopyText.money(amount))" }
                }
            }
        }
    }
}
