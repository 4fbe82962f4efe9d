/// What a spreadsheet import (批量导入) writes: a month's reports or projects.
public enum ImportKind: String, Codable, Sendable, CaseIterable {
    case monthlyReports = "monthly_reports"
    case projects
}
