import Store

/// The park and project tables of a plan.
extension PlanWriter {
    /// Writes parks and their items; returns the first park id.
    func writeParks(_ plan: CountyPlan, agency: Int) throws -> Int {
        let park = base("parks", plan.parks.count)
        try copy("parks", "id, name, district_id, standard", plan.parks.indices) { i in
            let p = plan.parks[i]
            return "\(park + i)\t\(CopyText.text(p.name))\t\(agency + p.district)\t\(p.standard)"
        }
        try copyChildren("park_items", "id, park_id, item, status, planned_investment, completed_investment") { emit in
            for (i, p) in plan.parks.enumerated() {
                for item in p.items {
                    try emit { id in
                        "\(id)\t\(park + i)\t\(item.item)\t\(item.status)\t\(CopyText.money(item.planned))\t\(CopyText.money(item.completed))"
                    }
                }
            }
        }
        return park
    }

    /// Writes projects and everything recorded under them, and the year's land allocations.
    func writeProjects(_ plan: CountyPlan, agency: Int, park: Int, platform: Int, user: Int) throws {
        let project = base("projects", plan.projects.count)
        try copy(
            "projects",
            "id, code, name, owner, category, industry, stage, major, district_id, lead_department_id, park_id, total_investment, planned_start, planned_completion, actual_start, actual_completion, land_area, eia_class, green_channel, central_soe, national_code",
            plan.projects.indices
        ) { i in
            let p = plan.projects[i]
            let park = CopyText.id(p.park.map { park + $0 })
            let land = p.landArea.map(CopyText.money) ?? "\\N"
            let dates = [p.plannedStart, p.plannedCompletion, p.actualStart, p.actualCompletion].map(CopyText.day)
            return "\(project + i)\t\(CopyText.text(p.code))\t\(CopyText.text(p.name))\t\(CopyText.text(p.owner))\t\(p.category)\t\(CopyText.text(p.industry))\t\(p.stage)\t\(CopyText.bool(p.major))\t\(agency + p.district)\t\(agency + p.lead)\t\(park)\t\(CopyText.money(p.total))\t\(dates.joined(separator: "\t"))\t\(land)\t\(CopyText.text(p.eiaClass))\t\(CopyText.bool(p.greenChannel))\t\(CopyText.bool(p.centralSOE))\t\(CopyText.text(p.nationalCode))"
        }
        try writeReports(plan, project: project, agency: agency, user: user)
        try copyChildren("funding_sources", "id, project_id, kind, platform_id, planned_amount, amount_in_place") { emit in
            for (i, p) in plan.projects.enumerated() {
                for f in p.funding {
                    try emit { id in
                        "\(id)\t\(project + i)\t\(f.kind)\t\(CopyText.id(f.platform.map { platform + $0 }))\t\(CopyText.money(f.planned))\t\(CopyText.money(f.inPlace))"
                    }
                }
            }
        }
        try copyChildren("approvals", "id, project_id, kind, department_id, applied_on, decided_on, status") { emit in
            for (i, p) in plan.projects.enumerated() {
                for a in p.approvals {
                    try emit { id in
                        "\(id)\t\(project + i)\t\(a.kind)\t\(agency + a.department)\t\(CopyText.day(a.appliedOn))\t\(CopyText.day(a.decidedOn))\t\(a.status)"
                    }
                }
            }
        }
        try copyChildren("problems", "id, project_id, kind, description, department_id, due_on, status, resolution, resolved_on") { emit in
            for (i, p) in plan.projects.enumerated() {
                for q in p.problems {
                    try emit { id in
                        "\(id)\t\(project + i)\t\(q.kind)\t\(CopyText.text(q.description))\t\(CopyText.id(q.department.map { agency + $0 }))\t\(CopyText.day(q.dueOn))\t\(q.status)\t\(CopyText.text(q.resolution))\t\(CopyText.day(q.resolvedOn))"
                    }
                }
            }
        }
        guard !plan.landAllocations.isEmpty else { return }
        if let quota = plan.landQuota {
            try DemoLoadQueries.insertLandQuota(
                year: plan.year, quota: CopyText.money(quota.quota), reserved: CopyText.money(quota.reserved), on: connection)
            counts["land_quotas", default: 0] += 1
        }
        let allocation = base("land_allocations", plan.landAllocations.count)
        try copy("land_allocations", "id, year, project_id, area_mu, from_reserve", plan.landAllocations.indices) { i in
            let a = plan.landAllocations[i]
            return "\(allocation + i)\t\(plan.year)\t\(project + a.project)\t\(CopyText.money(a.area))\t\(CopyText.bool(a.fromReserve))"
        }
    }

    /// Monthly reports, submitted by the editor of the project's district in the following month.
    private func writeReports(_ plan: CountyPlan, project: Int, agency: Int, user: Int) throws {
        var editor: [Int: Int] = [:]
        for (i, u) in plan.users.enumerated() where u.role == "editor" { editor[u.agency] = user + i }
        let months = (1...12).map { "\(plan.year)-\(Day.pad($0))-01" }
        // first_submitted_at as submitted_at: the scale load runs without the trigger that sets it
        try copyChildren("monthly_reports", "id, project_id, month, investment_completed, progress, problems, submitted_by, submitted_at, first_submitted_at") { emit in
            for (i, p) in plan.projects.enumerated() {
                let open = p.problems.first { $0.status != "resolved" }.map { CopyText.text($0.description) } ?? ""
                let submitter = CopyText.id(editor[p.district])
                for r in plan.reports(of: i) {
                    let problems = r.month >= 10 ? open : ""
                    let submitted = plan.submitted(r).text
                    try emit { id in
                        let at = "\(submitted) \(Day.pad(r.submittedHour)):00:00+08"
                        return "\(id)\t\(project + i)\t\(months[r.month - 1])\t\(CopyText.money(r.amount))\t\(r.progress)\t\(problems)\t\(submitter)\t\(at)\t\(at)"
                    }
                }
            }
        }
    }
}
