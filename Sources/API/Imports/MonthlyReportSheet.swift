import Campaign
import Foundation
import Spreadsheet
import Store

/// Reads the monthly-report template (项目编号 — or 项目代码, the national code —, 项目名称,
/// 本月完成投资(万元), 形象进度, 存在问题, 版本, 情况说明) into validated rows; every wrong cell is
/// reported, with its row and header.
/// A row whose amount, progress and problems are all blank was not filled in and is skipped.
enum MonthlyReportSheet {
    typealias Header = MonthlyReportImportQueries.Header

    /// The valid rows and the errors of the others (the database checks the valid ones too, so
    /// one answer lists every error).
    static func rows(_ sheet: [SheetRow]) throws -> (rows: [MonthlyReportImportQueries.Row], errors: [SheetError]) {
        let columns = try SheetColumns(sheet, headers: [
            Header.code: ["项目代码", "code"], Header.name: ["name"], Header.amount: ["本月完成投资", "investment_completed"],
            Header.progress: ["progress"], Header.problems: ["problems"], Header.explanation: ["explanation"],
            Header.version: ["version"],
        ], required: [Header.code, Header.amount])
        var errors: [SheetError] = []
        var rows: [MonthlyReportImportQueries.Row] = []
        var seen: [String: Int] = [:]
        for row in sheet where row.number != columns.headerRow {
            let cell = { (header: String) in columns.cell(header, in: row) }
            guard ![Header.amount, Header.progress, Header.problems].allSatisfy({ cell($0).isBlank }) else { continue }
            func read<T>(_ header: String, _ body: (ReadCell) throws(CellProblem) -> T) -> T? {
                do { return try body(cell(header)) } catch {
                    errors.append(SheetError(row: row.number, column: header, message: error.message))
                    return nil
                }
            }
            let code = read(Header.code) { cell throws(CellProblem) in try Self.code(cell) }
            let amount = read(Header.amount) { cell throws(CellProblem) in try Self.money(cell) }
            let progress = read(Header.progress) { cell throws(CellProblem) in try Self.text(cell) }
            let problems = read(Header.problems) { cell throws(CellProblem) in try Self.text(cell) }
            let explanation = read(Header.explanation) { cell throws(CellProblem) in try Self.text(cell) }
            let version = read(Header.version) { cell throws(CellProblem) in try Self.version(cell) }
            if let code, let earlier = seen[code] {
                errors.append(SheetError(row: row.number, column: Header.code, message: Message(.duplicateRow, ["code": code, "earlier": "\(earlier)"])))
                continue
            }
            guard let code, let amount, let progress, let problems, let explanation, let version else { continue }
            seen[code] = row.number
            rows.append(.init(row: row.number, code: code,
                              fields: MonthlyReportFields(
                                  investmentCompleted: amount, progress: progress, problems: problems, explanation: explanation),
                              version: version))
        }
        return (rows, errors)
    }

    static func code(_ cell: ReadCell) throws(CellProblem) -> String {
        guard let code = try cell.text() else { throw CellProblem(.requiredProjectCode) }
        guard code.count <= 64 else { throw CellProblem(.textTooLong, ["max": "64", "got": "\(code.count)"]) }
        return code
    }

    /// 万元 ≥ 0 with at most two decimals.
    static func money(_ cell: ReadCell) throws(CellProblem) -> Decimal {
        guard let value = try cell.decimal() else { throw CellProblem(.requiredInvestment) }
        switch Money.check(value) {
        case .success(let money): return money.amount
        case .failure(let problem): throw CellProblem(problem.message)
        }
    }

    /// Free text (empty when blank), at most as long as the API allows.
    static func text(_ cell: ReadCell) throws(CellProblem) -> String {
        let text = try cell.text() ?? ""
        guard text.count <= ReportBody.textLimit else { throw CellProblem(.textTooLong, ["max": "\(ReportBody.textLimit)", "got": "\(text.count)"]) }
        return text
    }

    /// The report's version from the template, or nil (a new report).
    static func version(_ cell: ReadCell) throws(CellProblem) -> Int? {
        let value: Decimal?
        do { value = try cell.decimal() } catch { throw CellProblem(.templateVersion) }
        guard let value else { return nil }
        guard value >= 1, value <= Decimal(Int32.max), value == value.rounded(places: 0), let version = Int("\(value)") else {
            throw CellProblem(.templateVersion)
        }
        return version
    }
}
