import Campaign
import Foundation
import Spreadsheet
import Store

/// Reads a projects sheet (the columns of the projects download) into validated projects: each
/// row becomes the JSON body of `POST /projects` and goes through the same rules (`ProjectBody`),
/// its field errors named by the column's Chinese header.
enum ProjectSheet {
    typealias H = Export.ProjectHeader

    /// Sheet column → body field (and how to read it).
    static let fields: [(header: String, field: String)] = [
        (H.code, "code"), (H.nationalCode, "national_code"), (H.name, "name"), (H.owner, "owner"), (H.category, "category"), (H.industry, "industry"),
        (H.stage, "stage"), (H.major, "major"), (H.district, "district_id"), (H.leadDepartment, "lead_department_id"),
        (H.park, "park_id"), (H.totalInvestment, "total_investment"), (H.plannedStart, "planned_start"),
        (H.plannedCompletion, "planned_completion"), (H.actualStart, "actual_start"), (H.actualCompletion, "actual_completion"),
        (H.landArea, "land_area"), (H.eiaClass, "eia_class"), (H.greenChannel, "green_channel"), (H.centralSOE, "central_soe"),
    ]

    /// The valid rows and the errors of the others (the database checks the valid ones too, so
    /// one answer lists every error).
    static func rows(_ sheet: [SheetRow], names: ProjectImportQueries.Names) throws -> (rows: [ProjectImportQueries.Row], errors: [SheetError]) {
        let columns = try SheetColumns(sheet, headers: Dictionary(uniqueKeysWithValues: (fields.map { ($0.header, [$0.field]) }) + [(H.version, ["版本", "version"])]),
                                       required: [H.code, H.name, H.category, H.district])
        var errors: [SheetError] = []
        var rows: [ProjectImportQueries.Row] = []
        var seen: [String: Int] = [:]
        for row in sheet where row.number != columns.headerRow {
            var body: [String: JSONValue] = [:]
            var rowErrors: [SheetError] = []
            for (header, field) in fields where columns.has(header) {
                do {
                    if let value = try value(field, columns.cell(header, in: row), names: names) { body[field] = value }
                } catch {
                    rowErrors.append(SheetError(row: row.number, column: header, message: error.message))
                }
            }
            let version: Int?
            do { version = try MonthlyReportSheet.version(columns.cell(H.version, in: row)) } catch {
                rowErrors.append(SheetError(row: row.number, column: H.version, message: error.message))
                version = nil
            }
            var request = RequestBody(fields: body)
            do {
                let project = try ProjectBody.create(&request)
                if let earlier = seen[project.code] {
                    rowErrors.append(SheetError(row: row.number, column: H.code, message: Message(.duplicateRow, ["code": project.code, "earlier": "\(earlier)"])))
                }
                seen[project.code] = row.number
                if rowErrors.isEmpty { rows.append(.init(row: row.number, fields: project, version: version)) }
            } catch let problem as Problem {
                let headers = Dictionary(uniqueKeysWithValues: fields.map { ($0.field, $0.header) })
                let named = Set(rowErrors.map(\.column))
                rowErrors += problem.errors.map { SheetError(row: row.number, column: headers[$0.field] ?? $0.field, message: $0.message) }
                    .filter { !named.contains($0.column) }
            }
            errors += rowErrors
        }
        return (rows, errors)
    }

    /// The body value of one cell; nil when the cell is empty (the field is then absent).
    static func value(_ field: String, _ cell: ReadCell, names: ProjectImportQueries.Names) throws(CellProblem) -> JSONValue? {
        switch field {
        case "total_investment":
            return try cell.decimal(unit: .tenThousandYuan).map(JSONValue.number)
        case "land_area":
            return try cell.decimal(unit: .mu).map(JSONValue.number)
        case "planned_start", "planned_completion", "actual_start", "actual_completion":
            return try cell.date().map { .string(DateSerial.iso(year: $0.year, month: $0.month, day: $0.day)) }
        case "major", "green_channel", "central_soe":
            if case .bool(let value) = cell { return .bool(value) }
            guard let text = try cell.text() else { return nil }
            switch text.lowercased() {
            case "是", "true", "1", "y", "yes": return .bool(true)
            case "否", "false", "0", "n", "no": return .bool(false)
            default: throw CellProblem(.cellYesNo)
            }
        case "category":
            guard let text = try cell.text() else { return nil }
            guard let value = ProjectCategory(labelOrCode: text) else {
                throw CellProblem(.notAChoice, ["allowed": ProjectCategory.allCases.map(\.chineseLabel).joined(separator: "、"), "value": String(text.prefix(40))])
            }
            return .string(value.rawValue)
        case "stage":
            guard let text = try cell.text() else { return nil }
            guard let value = Stage(labelOrCode: text) else {
                throw CellProblem(.notAChoice, ["allowed": Stage.allCases.map(\.chineseLabel).joined(separator: "、"), "value": String(text.prefix(40))])
            }
            return .string(value.rawValue)
        case "district_id", "lead_department_id":
            guard let text = try cell.text() else { return field == "lead_department_id" ? .null : nil }
            let kind: AgencyKind = field == "district_id" ? .district : .department
            guard let agency = names.agencies[text], agency.kind == kind else {
                throw CellProblem(.unknownAgencyName, ["value": String(text.prefix(40)), "kind": kind == .district ? "区县" : "部门", "kind_code": kind.rawValue])
            }
            return .number(Decimal(agency.id))
        case "park_id":
            guard let text = try cell.text() else { return .null }
            guard let park = names.parks[text] else { throw CellProblem(.unknownParkName, ["value": String(text.prefix(40))]) }
            return .number(Decimal(park))
        default:
            return try cell.text().map(JSONValue.string) ?? (field == "owner" ? .string("") : .null)
        }
    }
}
