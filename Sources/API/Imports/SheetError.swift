import Hummingbird
import Spreadsheet

/// One wrong cell or row of an uploaded sheet: the row as the spreadsheet shows it, the column's
/// Chinese header (empty for the whole row), and what to fix.
public struct SheetError: Sendable, Equatable, Encodable {
    public var row: Int
    public var column: String
    public var message: String

    public init(row: Int, column: String, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }
}

extension Problem {
    /// 422 listing every wrong cell; nothing was written.
    static func sheet(_ errors: [SheetError]) -> Problem {
        var problem = Problem(.unprocessableContent, detail: "the sheet has \(errors.count) error(s); nothing was imported: correct them and upload again")
        problem.sheetErrors = errors.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        return problem
    }

    /// The status and message for a file that cannot be read as a spreadsheet.
    static func unreadable(_ error: SpreadsheetReadError) -> Problem {
        Problem(error.kind == .unsupportedFormat ? .unsupportedMediaType : .unprocessableContent, detail: error.message)
    }
}
