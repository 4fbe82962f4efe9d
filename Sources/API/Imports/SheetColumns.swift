import Campaign
import Spreadsheet

/// Where each expected column is in an uploaded sheet, found by its header in the first row
/// (full- and half-width brackets and spaces do not matter; other columns are ignored).
struct SheetColumns {
    private var positions: [String: Int] = [:]
    let headerRow: Int

    /// Finds `headers` (each with its accepted aliases) in the first row; 422 naming any
    /// `required` header that is missing.
    init(_ rows: [SheetRow], headers: [String: [String]], required: [String]) throws {
        guard let first = rows.first else {
            throw Problem(.unprocessableContent, .sheetEmpty, ["headers": required.joined(separator: "、")])
        }
        headerRow = first.number
        var found: [String: Int] = [:]
        for (index, cell) in first.cells.enumerated() {
            guard let text = try? cell.text() else { continue }
            let key = Self.normalised(text)
            for (header, aliases) in headers where ([header] + aliases).contains(where: { Self.normalised($0) == key }) {
                if found[header] == nil { found[header] = index }
            }
        }
        let missing = required.filter { found[$0] == nil }
        guard missing.isEmpty else {
            throw Problem.sheet(missing.map { SheetError(row: first.number, column: $0, message: Message(.missingColumn, ["column": $0])) })
        }
        positions = found
    }

    /// The cell of `header` in `row` (empty when the sheet has no such column).
    func cell(_ header: String, in row: SheetRow) -> ReadCell {
        positions[header].map { row[$0] } ?? .empty
    }

    func has(_ header: String) -> Bool { positions[header] != nil }

    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
            .filter { !$0.isWhitespace }.lowercased()
    }
}
