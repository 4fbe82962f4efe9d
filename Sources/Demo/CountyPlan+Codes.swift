/// National project codes (项目代码) as the national investment project online approval platform
/// issues them: `YYYY-DDDDDD-II-TT-NNNNNN`.
extension CountyPlan {
    /// GB/T 4754 industry divisions by category: civil engineering, general equipment
    /// manufacturing, warehousing, agriculture, ecological protection, education.
    static let industryCodes = ["infrastructure": "48", "industry": "34", "services": "59", "agriculture": "01",
                                "environment": "77", "social": "83"]

    /// The code of the project at `position`: every project that has started (new_start and later,
    /// suspended) has one, and so does every other preliminary project; reserve and cancelled ones
    /// have none. The year is the first approval's application, the type follows how the project
    /// was approved (01 审批, 02 核准, 03 备案), the serial is the position, so codes are unique.
    func nationalCode(for project: Project, position: Int) -> String? {
        let started = ["new_start", "construction", "completed", "suspended"].contains(project.stage)
        guard started || (project.stage == "preliminary" && position.isMultiple(of: 2)) else { return nil }
        let issued = project.approvals.first?.appliedOn?.year ?? year
        let type = switch project.approvals.first?.kind {
        case "verification": "02"
        case "filing": "03"
        default: "01"
        }
        let serial = String(position + 1)
        return "\(issued)-\(divisionCode)-\(Self.industryCodes[project.category] ?? "48")-\(type)-"
            + String(repeating: "0", count: max(0, 6 - serial.count)) + serial
    }
}
