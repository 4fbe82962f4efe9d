import Campaign

/// The agencies, users and reference data every county plan starts with.
extension CountyPlan {
    /// Adds the county, its eight departments and its districts, three users (admin, editor,
    /// viewer) for each, and the default lead department of each category. The county and its
    /// departments carry the plan's division code; districts have none unless set afterwards.
    /// - Parameters:
    ///   - prefix: prepended to agency codes and usernames (`""` for the seed county).
    mutating func addAgencies(prefix: String, county: (code: String, name: String), countyShort: String,
                              districts: [(code: String, name: String)]) {
        agencies.append(Agency(code: prefix + county.code, name: county.name, kind: "county", divisionCode: divisionCode))
        for d in Vocabulary.departments {
            departments[d.code] = agencies.count
            agencies.append(Agency(code: prefix + d.code, name: countyShort + d.name, kind: "department", divisionCode: divisionCode))
        }
        for d in districts {
            districtIndices.append(agencies.count)
            agencies.append(Agency(code: prefix + d.code, name: d.name, kind: "district"))
        }
        for (i, agency) in agencies.enumerated() {
            for role in UserRole.allCases {
                users.append(User(agency: i, username: "\(agency.code).\(role.rawValue)", displayName: agency.name + role.chineseLabel, role: role.rawValue))
            }
        }
        categoryLeads = Vocabulary.categoryLeads.map { ($0.category, departments[$0.department]!) }
    }

    /// Position of a department by its code suffix (`drc`, `industry`, …).
    func department(_ suffix: String) -> Int {
        guard let index = departments[suffix] else { preconditionFailure("no department \(suffix)") }
        return index
    }

    /// Adds a park with its standard's items in mixed states; `readiness` is the share done.
    mutating func addPark(name: String, district: Int, standard: String, readiness: Double, random: inout DemoRandom) {
        let items = standard == "six_one"
            ? ["water", "drainage", "power", "telecom", "road", "gas", "levelling"]
            : ["water", "drainage", "power", "telecom", "road", "gas", "heating", "cable_tv", "levelling"]
        let done = Int((Double(items.count) * readiness).rounded())
        parks.append(Park(name: name, district: district, standard: standard, items: items.enumerated().map { i, item in
            let planned = Int64(random.int(800...12_000)) * 100
            let status = i < done ? "done" : (random.chance(0.6) ? "building" : "planned")
            let completed = status == "done" ? planned : status == "building" ? planned * Int64(random.int(15...80)) / 100 : 0
            return ParkItem(item: item, status: status, planned: planned, completed: completed)
        }))
    }
}
