/// Monthly reports are derived from their project on demand (2.4 million of them at scale), the
/// same way every time: a generator per project, independent of the order of writing.
extension CountyPlan {
    struct Report {
        var month: Int
        var amount: Int64
        var progress: String
        /// Submitted in the following month, on this day.
        var submittedDay: Int
        var submittedHour: Int
    }

    /// The months in the plan's year in which the project invests.
    func activeMonths(of project: Project) -> ClosedRange<Int>? {
        guard let start = project.actualStart, start.year <= year else { return nil }
        guard ["new_start", "construction", "completed", "suspended"].contains(project.stage) else { return nil }
        let first = start.year == year ? start.month : 1
        var last = project.lastReportMonth
        if let done = project.actualCompletion {
            if done.year < year { return nil }
            if done.year == year { last = min(last, done.month) }
        }
        return first <= last ? first...last : nil
    }

    /// The project's reports for the plan's year, January first, that were submitted before the
    /// demo's today (all of them are drawn first, so a later today never changes an earlier one).
    func reports(of index: Int) -> [Report] {
        let project = projects[index]
        var random = DemoRandom(seed: seed, stream: 7, UInt64(index))
        let active = activeMonths(of: project)
        let months: [Int]
        if reportEveryMonth {
            months = Array(1...12)
        } else if let active {
            months = Array(active)
        } else {
            return []
        }
        let annual = project.total * Int64(project.yearShare) / 1000
        let weights: [Double] = months.map { month in
            guard let active, active.contains(month) else { return 0 }
            return CountyPlan.seasonal[month - 1] * random.double(0.75, 1.25)
        }
        let weightSum = weights.reduce(0, +)
        var remaining = annual
        var reports: [Report] = []
        reports.reserveCapacity(months.count)
        let lastActive = months.lastIndex { active?.contains($0) ?? false }
        for (position, month) in months.enumerated() {
            var amount: Int64 = 0
            if weightSum > 0, weights[position] > 0 {
                amount = position == lastActive ? remaining : Int64(Double(annual) * weights[position] / weightSum)
                amount = min(max(amount, 0), remaining)
                remaining -= amount
            }
            let phase = progressPhase(project, month: month, active: active)
            let late = random.chance(0.08)
            reports.append(Report(
                month: month, amount: amount, progress: random.pick(CountyPlan.progressTexts[phase]),
                submittedDay: late ? random.int(6...12) : random.int(1...5), submittedHour: random.int(9...17)
            ))
        }
        return reports.filter { hasPassed(submitted($0)) }
    }

    /// The day a report was submitted: `submittedDay` of the month after its own.
    func submitted(_ report: Report) -> Day {
        report.month == 12 ? Day(year + 1, 1, report.submittedDay) : Day(year, report.month + 1, report.submittedDay)
    }

    private func progressPhase(_ project: Project, month: Int, active: ClosedRange<Int>?) -> Int {
        guard let active, active.contains(month) else { return active.map { month > $0.upperBound ? 4 : 0 } ?? 0 }
        if project.stage == "completed", month == active.upperBound { return 4 }
        let span = max(active.count, 1)
        let done = Double(month - active.lowerBound + 1) / Double(span)
        return done < 0.34 ? 1 : done < 0.67 ? 2 : 3
    }

    /// Construction slows around the Spring Festival and speeds up before the year's end.
    static let seasonal: [Double] = [0.7, 0.45, 0.9, 1.0, 1.05, 1.0, 0.95, 0.95, 1.05, 1.1, 1.15, 1.3]

    /// 形象进度 by phase: 0 preparatory, 1 early works, 2 main works, 3 fitting out, 4 finished.
    static let progressTexts: [[String]] = [
        ["前期工作推进中，可研报告编制中", "正在办理用地和环评手续", "项目方案论证中，等待立项批复", "初步设计评审中"],
        ["场地平整已完成，正在进行基础施工", "临时设施搭建完毕，桩基施工中", "完成土石方工程，开始基础浇筑", "施工队伍进场，三通一平完成"],
        ["主体结构施工中", "厂房钢结构吊装进行中", "主体工程完成过半", "路基工程完成，路面施工中", "主体结构已封顶"],
        ["设备安装调试中", "室内装修及配套工程施工中", "管网及附属设施施工中", "生产线设备进场安装"],
        ["项目竣工验收，进入试生产", "工程已完工，正在办理竣工备案", "项目已投产运营", "竣工结算审计中"],
    ]
}
