import Campaign
import Hummingbird
import Spreadsheet

/// One wrong cell or row of an uploaded sheet: the row as the spreadsheet shows it, the column's
/// Chinese header (empty for the whole row), and a catalogue message saying what to fix.
public struct SheetError: Sendable, Equatable {
    public var row: Int
    public var column: String
    public var message: Message

    public init(row: Int, column: String, message: Message) {
        self.row = row
        self.column = column
        self.message = message
    }
}

extension Problem {
    /// 422 listing every wrong cell; nothing was written.
    static func sheet(_ errors: [SheetError]) -> Problem {
        var problem = Problem(.unprocessableContent, .sheetErrors, ["count": "\(errors.count)"])
        problem.sheetErrors = errors.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        return problem
    }

    /// The status and message for a file that cannot be read as a spreadsheet; the reader's own
    /// account of the damage goes into the English text.
    static func unreadable(_ error: SpreadsheetReadError) -> Problem {
        switch error.kind {
        case .unsupportedFormat: Problem(.unsupportedMediaType, .fileUnsupported, ["reason": error.message])
        case .encoding: Problem(.unprocessableContent, .csvEncoding, ["reason": error.message])
        case .unreadable: Problem(.unprocessableContent, .fileUnreadable, ["reason": error.message])
        }
    }
}
