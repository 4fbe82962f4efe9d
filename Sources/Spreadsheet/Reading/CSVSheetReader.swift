import CSV
import Foundation

/// Reads CSV (RFC 4180, optional UTF-8 byte-order mark) with CSV.swift; every field is text.
/// The bytes are UTF-8 already (`TextEncoding` converted GB18030).
/// The apostrophe `CSVWriter` puts before text that could run as a formula is taken off again,
/// so a downloaded CSV uploads as the values it holds.
enum CSVSheetReader {
    static func read(_ data: Data, limits: ReadLimits, _ onRow: (SheetRow) throws -> Void) throws {
        if data.contains(0) {
            throw SpreadsheetReadError.unreadable("the file contains NUL characters: it is not a text CSV file")
        }
        let reader = try CSVReader(stream: InputStream(data: data))
        var number = 0
        while let fields = reader.next() {
            number += 1
            if let long = fields.first(where: { $0.count > limits.maxCellLength }) {
                throw SpreadsheetReadError.unreadable("row \(number) has a field of \(long.count) characters; at most \(limits.maxCellLength) are allowed")
            }
            let row = SheetRow(number: number, cells: fields.prefix(limits.maxColumns).map { $0.isEmpty ? .empty : .text(Self.unguarded($0)) })
            if !row.isBlank { try onRow(row) }
        }
        if let error = reader.error {
            throw SpreadsheetReadError.unreadable("the CSV file is malformed after row \(number) (\(error)): check its quotes")
        }
    }

    /// The text without the formula guard (`'=A1` → `=A1`); other text as it is.
    static func unguarded(_ field: String) -> String {
        guard field.hasPrefix("'"), let next = field.unicodeScalars.dropFirst().first, "=+-@\t\r".unicodeScalars.contains(next) else {
            return field
        }
        return String(field.dropFirst())
    }
}
