import Foundation

/// CSV as Excel opens it: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting.
///
/// Text that a spreadsheet could run as a formula (beginning with `=`, `+`, `-`, `@`, a tab or a
/// carriage return, OWASP's list) is written with a leading apostrophe, which spreadsheets show
/// as text. Number cells are written as plain numbers, negative ones with their minus sign
/// (`-12.50`): they are formatted here from a `Decimal`, so they only ever hold digits, one point
/// and that sign, and cannot be a formula. Money has two decimals, dates are `YYYY-MM-DD`, months `YYYY-MM`, times `YYYY-MM-DD HH:MM`
/// in county time.
public final class CSVWriter: SpreadsheetWriter {
    public let holdsOneTable = true
    private let file: OutputFile
    private var formats: [Column.Format] = []
    private var started = false
    private var finished = false

    public init(directory: URL) throws {
        file = try OutputFile(url: temporaryURL(in: directory, extension: "csv"))
        try file.write(bytes: [0xEF, 0xBB, 0xBF])
    }

    /// A file left unfinished (an error while writing) is removed.
    deinit {
        if !finished { try? FileManager.default.removeItem(at: file.url) }
    }

    public func beginSheet(name: String, columns: [Column]) throws {
        precondition(!started, "a CSV file holds one table")
        started = true
        formats = columns.map(\.format)
        try writeLine(columns.map { Self.field(text: $0.header) })
    }

    public func append(_ row: [Cell]) throws {
        try writeLine(row.enumerated().map { index, cell in
            Self.field(cell, format: index < formats.count ? formats[index] : .text)
        })
    }

    public func finish() throws -> URL {
        try file.close()
        finished = true
        return file.url
    }

    private func writeLine(_ fields: [String]) throws {
        try file.write(fields.joined(separator: ",") + "\r\n")
    }

    /// The CSV field of one cell.
    static func field(_ cell: Cell, format: Column.Format) -> String {
        switch cell {
        case .empty: ""
        case .text(let text): field(text: text)
        case .number(let number):
            switch format {
            case .money: number.fixed(places: 2)
            case .integer: number.fixed(places: 0)
            default: number.description
            }
        case .date(let year, let month, let day):
            format == .month ? String(DateSerial.iso(year: year, month: month, day: day).prefix(7))
                : DateSerial.iso(year: year, month: month, day: day)
        case .dateTime(let time): time.text
        }
    }

    /// Text neutralised against formula injection and quoted when it holds a comma, quote or line end.
    static func field(text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
