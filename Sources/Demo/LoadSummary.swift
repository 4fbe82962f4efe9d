/// What a load wrote and how long it took.
public struct LoadSummary: Sendable {
    /// Rows written per table (without the schema `app.`).
    public var counts: [String: Int]
    public var seconds: Double
    public var passwords: DemoPasswords
    /// Anything the operator should know (choices made, parts skipped).
    public var notes: [String]

    /// Rows of every table.
    public var totalRows: Int { counts.values.reduce(0, +) }

    /// The summary as printed at the end of a load: rows per table, total, time and rate.
    public var report: String {
        let order = ["agencies", "users", "category_lead_departments", "financing_platforms", "parks", "park_items",
                     "projects", "monthly_reports", "funding_sources", "approvals", "problems", "land_quotas",
                     "land_allocations", "attraction_teams", "deals", "receipts", "targets", "fai_statistics", "investment_plans",
                     "notifications"]
        let width = order.map(\.count).max()!
        var lines = order.compactMap { table in
            counts[table].map { "  \(table)\(String(repeating: " ", count: width - table.count))  \($0.formatted.leftPadded(11))" }
        }
        let rate = seconds > 0 ? Int(Double(totalRows) / seconds) : 0
        lines.append("  \("total".padding(width))  \(totalRows.formatted.leftPadded(11))  in \(String(format2: seconds)) s (\(rate.formatted) rows/s)")
        lines += notes.map { "  note: \($0)" }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }

    /// Two decimals without Foundation.
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        self = "\(hundredths / 100).\(Day.pad(hundredths % 100))"
    }
}
