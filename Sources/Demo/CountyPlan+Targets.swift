/// Statistical fixed-asset investment and the year's targets, derived from the plan's own
/// activity so that some agencies beat their targets and some miss them.
extension CountyPlan {
    /// - Parameter attractionTargets: per team, a fixed target (hundredths of 万元); departments get
    ///   the sum of the teams they lead and districts a share of the total. Nil derives them.
    mutating func addStatisticsAndTargets(random: inout DemoRandom, attractionTargets: [Int64]?) {
        var monthly: [Int: [Int64]] = [:]
        var major: [Int: Int64] = [:], starts: [Int: Int] = [:], completions: [Int: Int] = [:]
        for (i, p) in projects.enumerated() {
            let reports = reports(of: i)
            var sums = monthly[p.district] ?? Array(repeating: 0, count: 12)
            for r in reports { sums[r.month - 1] += r.amount }
            monthly[p.district] = sums
            guard p.major else { continue }
            let invested = reports.reduce(0) { $0 + $1.amount }
            for agency in [p.district, p.lead] {
                major[agency, default: 0] += invested
                if p.actualStart?.year == year { starts[agency, default: 0] += 1 }
                if p.actualCompletion?.year == year { completions[agency, default: 0] += 1 }
            }
        }
        var funds: [Int: Int64] = [:]
        for d in deals {
            let received = d.receipts.filter { $0.on.year == year }.reduce(0) { $0 + $1.amount }
            funds[d.district, default: 0] += received
            funds[teams[d.team].lead, default: 0] += received
        }
        var fai: [Int: Int64] = [:]
        for district in districtIndices {
            let base = Int64(random.int(2_000...9_000)) * 100
            let amounts = (0..<12).map { m in
                (monthly[district]?[m] ?? 0) * Int64(random.int(130...170)) / 100
                    + Int64(Double(base) * CountyPlan.seasonal[m])
            }
            faiStatistics.append((district, amounts))
            fai[district] = amounts.reduce(0, +)
        }
        var districtFunds: [Int: Int64] = [:]
        if let attractionTargets {
            let weights = districtIndices.map { Double(funds[$0] ?? 0) / random.double(0.85, 1.2) }
            let total = weights.reduce(0, +)
            let joint = attractionTargets.reduce(0, +)
            for (d, w) in zip(districtIndices, weights) where total > 0 {
                districtFunds[d] = CountyPlan.round(Int64(Double(joint) * w / total))
            }
        }
        func amount(_ actual: Int64?, _ random: inout DemoRandom) -> Int64? {
            guard let actual, actual > 0 else { return nil }
            return CountyPlan.round(Int64(Double(actual) / random.double(0.85, 1.15)))
        }
        func count(_ actual: Int?, _ random: inout DemoRandom) -> Int64? {
            guard let actual, actual > 0 else { return nil }
            return Int64(max(1, Int((Double(actual) / random.double(0.8, 1.25)).rounded()))) * 100
        }
        for (i, a) in agencies.enumerated() where a.kind != "county" {
            let district = a.kind == "district"
            var attraction = district ? (districtFunds[i] ?? amount(funds[i], &random)) : amount(funds[i], &random)
            if !district, let attractionTargets {
                let led = teams.indices.filter { teams[$0].lead == i }
                attraction = led.isEmpty ? nil : led.reduce(0) { $0 + attractionTargets[$1] }
            }
            targets += [
                Target(agency: i, indicator: "fai", amount: district ? amount(fai[i], &random) : nil),
                Target(agency: i, indicator: "major_investment", amount: amount(major[i], &random)),
                Target(agency: i, indicator: "new_starts", amount: count(starts[i], &random)),
                Target(agency: i, indicator: "completions", amount: count(completions[i], &random)),
                Target(agency: i, indicator: "attraction_funds", amount: attraction),
            ]
        }
    }

    /// Targets are issued in whole hundreds of 万元.
    static func round(_ hundredths: Int64) -> Int64 {
        max(10_000, (hundredths + 5_000) / 10_000 * 10_000)
    }
}
