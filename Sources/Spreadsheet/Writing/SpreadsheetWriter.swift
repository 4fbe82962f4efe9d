import Foundation

/// Writes a spreadsheet row by row to a temporary file, holding at most a few rows in memory.
///
/// Call `beginSheet` before each sheet's rows, `append` once per row, then `finish`, which
/// returns the finished file; the caller removes it when sent.
public protocol SpreadsheetWriter: AnyObject {
    /// Whether the format holds one table only (CSV): several sheets must then be written as one,
    /// which `Download` does by prefixing each row with its sheet's name.
    var holdsOneTable: Bool { get }
    func beginSheet(name: String, columns: [Column]) throws
    func append(_ row: [Cell]) throws
    func finish() throws -> URL
}

/// The formats a list can be downloaded in.
public enum SpreadsheetFormat: String, Sendable, CaseIterable {
    case xlsx
    case csv

    /// The MIME type of files in this format.
    public var contentType: String {
        switch self {
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv; charset=utf-8"
        }
    }

    /// A writer of this format whose file lives in `directory`; a workbook prints `title` at
    /// the top of every page.
    public func makeWriter(title: String = "", in directory: URL = FileManager.default.temporaryDirectory) throws -> any SpreadsheetWriter {
        switch self {
        case .xlsx: try XLSXWriter(directory: directory, title: title)
        case .csv: try CSVWriter(directory: directory)
        }
    }
}
