import Foundation
import HTTPTypes
import Hummingbird
import NIOPosix
import Spreadsheet

/// A refused upload handed back as the same sheet, so a clerk fixes it in place: the uploaded
/// header and rows as they were read, a last column 错误说明 listing each row's errors, and every
/// wrong cell (and the row's 错误说明) filled light red. Asked for with `format=xlsx` on an
/// import, which then only checks (as `dry_run=true`) and writes nothing.
enum ErrorSheet {
    static let header = "错误说明"

    /// Whether an import asks for its errors as a sheet: `format=xlsx` (any other value is 422).
    static func requested(_ request: Request) throws -> Bool {
        switch request.uri.queryParameters["format"] {
        case nil, "json": return false
        case "xlsx": return true
        default: throw Problem.invalid([.init(field: "format", .formatErrorSheet)])
        }
    }

    /// The annotated sheet of `upload` as an .xlsx download named `name`.
    static func response(
        _ upload: Upload, errors: [SheetError], named name: String, context: some RequestContext
    ) async throws -> Response {
        let url = try await NIOThreadPool.singleton.runIfActive {
            let rows: [SheetRow]
            do throws(SpreadsheetReadError) { rows = try UploadedSheet.rows(of: upload.data) } catch { throw Problem.unreadable(error) }
            return try write(rows, errors: errors, title: name)
        }
        var response = try await DownloadResponse.send(url, named: name + ".xlsx", format: .xlsx, context: context)
        response.headers[.importErrors] = String(errors.count)
        return response
    }

    /// Writes `rows` (the first is the header) with their errors to a temporary .xlsx.
    static func write(_ rows: [SheetRow], errors: [SheetError], title: String) throws -> URL {
        let headers = rows.first.map { $0.cells.map { (try? $0.text()).flatMap { $0 } ?? "" } } ?? []
        let width = max(headers.count, rows.map(\.cells.count).max() ?? 0)
        let writer = try XLSXWriter(directory: FileManager.default.temporaryDirectory, title: title)
        try writer.beginSheet(name: "错误说明", columns: (0..<width).map { Column($0 < headers.count ? headers[$0] : "") } + [Column(header)])
        let byRow = Dictionary(grouping: errors, by: \.row)
        for row in rows.dropFirst() {
            let found = byRow[row.number] ?? []
            var marked = Set(found.compactMap { error in
                headers.firstIndex { SheetColumns.normalised($0) == SheetColumns.normalised(error.column) }
            })
            if !found.isEmpty { marked.insert(width) }
            let note = found.map { $0.column.isEmpty ? $0.message.text() : "\($0.column)：\($0.message.text())" }.joined(separator: "；")
            try writer.append((0..<width).map { cell(row[$0]) } + [.text(note)], highlighting: marked)
        }
        return try writer.finish()
    }

    /// A cell as it was read, written back.
    static func cell(_ read: ReadCell) -> Cell {
        switch read {
        case .empty, .formulaWithoutValue: .empty
        case .text(let text), .error(let text): .text(text)
        case .number(let text): Decimal(string: text).map(Cell.number) ?? .text(text)
        case .bool(let flag): .text(flag ? "TRUE" : "FALSE")
        }
    }
}

extension HTTPField.Name {
    /// How many errors the annotated sheet of a checked upload holds.
    static let importErrors = Self("X-Import-Errors")!
}
