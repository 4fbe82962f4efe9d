/// One county's worth of generated rows, before ids are assigned.
///
/// References between rows are positions in the plan's own arrays (an agency is
/// `agencies[i]`); `PlanWriter` turns them into database ids when it writes the plan. Money is in
/// hundredths of 万元, land in hundredths of 亩.
struct CountyPlan {
    struct Agency {
        var code: String
        var name: String
        var kind: String
        var divisionCode: String?
    }

    struct User {
        var agency: Int
        var username: String
        var displayName: String
        var role: String
    }

    struct ParkItem {
        var item: String
        var status: String
        var planned: Int64
        var completed: Int64
    }

    struct Park {
        var name: String
        var district: Int
        var standard: String
        var items: [ParkItem]
    }

    struct Funding {
        var kind: String
        var platform: Int?
        var planned: Int64
        var inPlace: Int64
    }

    struct Approval {
        var kind: String
        var department: Int
        var appliedOn: Day?
        var decidedOn: Day?
        var status: String
    }

    struct Problem {
        var kind: String
        var description: String
        var department: Int?
        var dueOn: Day?
        var status: String
        var resolution: String?
        var resolvedOn: Day?
    }

    struct Project {
        var code: String
        var name: String
        var owner: String
        var category: String
        var industry: String?
        var stage: String
        var major: Bool
        var district: Int
        var lead: Int
        var park: Int?
        var total: Int64
        var plannedStart: Day?
        var plannedCompletion: Day?
        var actualStart: Day?
        var actualCompletion: Day?
        /// 亩, in hundredths.
        var landArea: Int64?
        var eiaClass: String?
        var greenChannel: Bool
        var centralSOE: Bool
        var nationalCode: String?
        var funding: [Funding] = []
        var approvals: [Approval] = []
        var problems: [Problem] = []
        /// Share of the total invested during the plan's year, in thousandths.
        var yearShare: Int = 0
        /// A reporting project whose last report month comes before December (suspended).
        var lastReportMonth: Int = 12
    }

    struct Deal {
        var team: Int
        var investor: String
        var investorKind: String
        var signed: Int64
        var signedOn: Day
        var district: Int
        var project: Int?
        var receipts: [(on: Day, amount: Int64)]
    }

    struct Team {
        var name: String
        var lead: Int
    }

    struct Target {
        var agency: Int
        var indicator: String
        var amount: Int64?
    }

    struct LandAllocation {
        var project: Int
        /// 亩, in hundredths.
        var area: Int64
        var fromReserve: Bool
    }

    /// Used to derive per-project report generators.
    var seed: UInt64
    var year: Int
    /// Whether every project reports every month (the scale generator, so counts are exact) or only
    /// projects under way report (the seed county).
    var reportEveryMonth: Bool
    /// The county's administrative division code, in its projects' national codes.
    var divisionCode: String
    /// The demo's today: monthly reports, FAI statistics and receipts exist only for days before
    /// it (a month's report and statistic once the month has ended), so year-to-date figures
    /// match the calendar; nil keeps the whole year (the scale generator, whose counts are exact).
    var today: Day?

    var agencies: [Agency] = []
    /// Department positions by code suffix (`drc`, `industry`, …).
    var departments: [String: Int] = [:]
    /// Positions of the districts, in order.
    var districtIndices: [Int] = []
    var users: [User] = []
    /// Category → department (plan position); written only when the table is still empty.
    var categoryLeads: [(category: String, department: Int)] = []
    var platforms: [String] = []
    var parks: [Park] = []
    var projects: [Project] = []
    var teams: [Team] = []
    var deals: [Deal] = []
    var targets: [Target] = []
    /// Per district (plan position): 12 monthly amounts.
    var faiStatistics: [(district: Int, amounts: [Int64])] = []
    /// The year's land quota (quota, reserved) in hundredths of 亩; nil leaves land alone.
    var landQuota: (quota: Int64, reserved: Int64)?
    var landAllocations: [LandAllocation] = []

    init(seed: UInt64, year: Int, reportEveryMonth: Bool, divisionCode: String) {
        self.seed = seed
        self.year = year
        self.reportEveryMonth = reportEveryMonth
        self.divisionCode = divisionCode
    }

    /// Whether `day` has passed by the demo's today.
    func hasPassed(_ day: Day) -> Bool { today.map { day < $0 } ?? true }

    /// Position of the agency with `code`.
    func agency(_ code: String) -> Int {
        guard let index = agencies.firstIndex(where: { $0.code == code }) else {
            preconditionFailure("the plan has no agency \(code)")
        }
        return index
    }
}
