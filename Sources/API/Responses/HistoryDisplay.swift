import Campaign
import Foundation

/// A history entry's changes as a person reads them: each listed column gains its Chinese `label`
/// and `old_display`/`new_display` (vocabulary in Chinese, users and agencies by name, money and
/// dates formatted, times in county time to the minute) beside the raw `old`/`new` that programs
/// read. Internal columns (ids, versions, import provenance, any column without a Chinese name)
/// are not listed.
struct HistoryDisplay {
    /// Names of the users the entries refer to, by id.
    var users: [Int64: String]
    /// Names of the agencies, parks and platforms the entries refer to, by column and id.
    var names: [String: [Int64: String]]

    /// The columns that refer to a named row, by the table `HistoryQueries.names` reads.
    static let references: [String: String] = [
        "district_id": "agencies", "lead_department_id": "agencies", "department_id": "agencies", "agency_id": "agencies",
        "park_id": "parks", "platform_id": "financing_platforms",
    ]

    /// The ids of `column` (old and new) in every entry's raw changes.
    static func ids(_ entries: [JSONValue], where include: (String) -> Bool) -> [Int64] {
        var ids: Set<Int64> = []
        for case .object(let columns) in entries {
            for (column, change) in columns where include(column) {
                guard case .object(let members) = change else { continue }
                for case .number(let id)? in [members["old"], members["new"]] { ids.insert(Int64(truncating: id as NSDecimalNumber)) }
            }
        }
        return ids.sorted()
    }

    /// Columns that are bookkeeping, never a change a person made.
    static let hidden: Set<String> = [
        "id", "project_id", "version", "created_at", "updated_at", "updated_by", "import_id", "import_row", "row_key",
        "storage_key", "sha256", "search",
    ]

    static let money: Set<String> = [
        "total_investment", "investment_completed", "annual_investment", "planned_amount", "amount_in_place", "amount",
        "signed_amount",
    ]

    /// `{column: {"old","new","label","old_display","new_display"}}` for `raw` (`{column: {"old","new"}}`).
    func changes(_ raw: JSONValue, table: String) -> JSONValue {
        guard case .object(let columns) = raw else { return .object([:]) }
        var shown: [String: JSONValue] = [:]
        for (column, change) in columns where !Self.hidden.contains(column) {
            // A column without a Chinese name is bookkeeping (days after the month, sequence numbers).
            guard case .object(var members) = change, let label = FieldLabel.label(column) else { continue }
            members["label"] = .string(label)
            if let old = members["old"] { members["old_display"] = .string(display(old, column: column, table: table)) }
            if let new = members["new"] { members["new_display"] = .string(display(new, column: column, table: table)) }
            shown[column] = .object(members)
        }
        return .object(shown)
    }

    /// The import that wrote the row (`{"import_id","row","display"}`), when the change came from one.
    static func source(_ raw: JSONValue) -> JSONValue {
        guard case .object(let columns) = raw, case .object(let imported)? = columns["import_id"],
              case .number(let id)? = imported["new"] else { return .null }
        var row: Decimal?
        if case .object(let line)? = columns["import_row"], case .number(let number)? = line["new"] { row = number }
        let text = "由导入 #\(id)" + (row.map { " 第 \($0) 行" } ?? "")
        return .object(["import_id": .number(id), "row": row.map(JSONValue.number) ?? .null, "display": .string(text)])
    }

    /// One value as a person reads it; `—` for none.
    func display(_ value: JSONValue, column: String, table: String) -> String {
        switch value {
        case .null: return "—"
        case .bool(let flag): return flag ? "是" : "否"
        case .array(let items): return items.map { display($0, column: column, table: table) }.joined(separator: "、")
        case .object: return "—"
        case .number(let number): return displayNumber(number, column: column)
        case .string(let text): return displayText(text, column: column, table: table)
        }
    }

    func displayNumber(_ number: Decimal, column: String) -> String {
        let id = Int64(truncating: number as NSDecimalNumber)
        if column.hasSuffix("_by") { return users[id] ?? "—" }
        if let names = names[column] { return names[id] ?? "—" }
        if Self.money.contains(column) || column == "monthly" { return Wording.money(number) }
        return "\(number)"
    }

    func displayText(_ text: String, column: String, table: String) -> String {
        if text.allSatisfy(\.isWhitespace) { return "—" }
        if column == "month", let month = Month(String(text.prefix(7))) { return Wording.month(month) }
        if column.hasSuffix("_at"), let instant = Self.timestamp(text) { return Wording.time(instant) }
        if text.count == 10, let date = CalendarDate(text) { return Wording.date(date) }
        return Self.vocabulary(text, column: column, table: table) ?? text
    }

    /// The Chinese of an enumeration's code, by the column (and for `status` and `kind`, the table).
    static func vocabulary(_ code: String, column: String, table: String) -> String? {
        switch (column, table) {
        case ("stage", _): Stage(rawValue: code)?.chineseLabel
        case ("category", _): ProjectCategory(rawValue: code)?.chineseLabel
        case ("status", "monthly_reports"): ReportStatus(rawValue: code)?.chineseLabel
        case ("status", "approvals"): ApprovalStatus(rawValue: code)?.chineseLabel
        case ("status", "problems"): ProblemStatus(rawValue: code)?.chineseLabel
        case ("kind", "approvals"): ApprovalKind(rawValue: code)?.chineseLabel
        case ("kind", "problems"): ProblemKind(rawValue: code)?.chineseLabel
        case ("kind", "funding_sources"): FundingKind(rawValue: code)?.chineseLabel
        case ("standard", _): ParkStandard(rawValue: code)?.chineseLabel
        default: nil
        }
    }

    /// A PostgreSQL `timestamptz` as JSON writes it (`2026-12-05T20:10:22.57947+00:00`).
    static func timestamp(_ text: String) -> Date? {
        // Whole seconds are enough to the minute; PostgreSQL writes one to six fraction digits.
        let whole = text.replacingOccurrences(of: #"\.\d+"#, with: "", options: .regularExpression)
        return ISO8601DateFormatter().date(from: whole)
    }
}
