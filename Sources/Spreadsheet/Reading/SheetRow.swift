/// A row of an uploaded sheet: its number as the spreadsheet shows it (the header is row 1 when
/// it is the first line) and its cells by column index (0 is column A).
public struct SheetRow: Sendable, Equatable {
    public var number: Int
    public var cells: [ReadCell]

    public init(number: Int, cells: [ReadCell]) {
        self.number = number
        self.cells = cells
    }

    /// The cell in column `index`, empty past the row's end.
    public subscript(index: Int) -> ReadCell {
        index < cells.count ? cells[index] : .empty
    }

    /// Whether every cell is empty or blank.
    public var isBlank: Bool { cells.allSatisfy(\.isBlank) }
}

/// A cell as stored in the file, before a column gives it a type.
public enum ReadCell: Sendable, Equatable {
    case empty
    /// Text (a shared, inline or formula string; every CSV field).
    case text(String)
    /// A number cell's stored value as written in the file (`1234.5`, `4.5E-2`, a date serial).
    case number(String)
    case bool(Bool)
    /// An error value such as `#DIV/0!`.
    case error(String)
    /// A formula whose result the file does not store (saved without calculating).
    case formulaWithoutValue

    /// Whether the cell holds nothing but white space.
    public var isBlank: Bool {
        switch self {
        case .empty: true
        case .text(let text): text.allSatisfy(\.isWhitespace)
        default: false
        }
    }
}

/// Limits on what an upload may expand to; past them reading stops with a clear error.
public struct ReadLimits: Sendable {
    /// Rows of data after the header.
    public var maxRows: Int
    /// Columns read per row (cells further right are ignored).
    public var maxColumns: Int
    /// Uncompressed bytes of any one part of a workbook, and of all parts together.
    public var maxPartBytes: Int
    public var maxTotalBytes: Int
    /// Uncompressed bytes of a part read into memory (the shared strings, which are kept as text
    /// while the sheet streams): with the strings made of them, one import stays within 200 MB.
    public var maxInMemoryPartBytes: Int
    /// Characters in one cell (Excel's own limit is 32,767).
    public var maxCellLength: Int

    public init(maxRows: Int = 200_000, maxColumns: Int = 64, maxPartBytes: Int = 128 << 20,
                maxTotalBytes: Int = 192 << 20, maxInMemoryPartBytes: Int = 48 << 20, maxCellLength: Int = 32_767) {
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxPartBytes = maxPartBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxInMemoryPartBytes = maxInMemoryPartBytes
        self.maxCellLength = maxCellLength
    }
}

/// Why an upload could not be read, in words for the person who sent it.
public struct SpreadsheetReadError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Not a format this reads (an old `.xls`, a PDF): 415.
        case unsupportedFormat
        /// A spreadsheet that is damaged, too large when expanded, or holds what is refused: 422.
        case unreadable
        /// A CSV file in a character encoding this does not read (UTF-16, or neither UTF-8 nor GB18030): 422.
        case encoding
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    static func unreadable(_ message: String) -> Self { .init(.unreadable, message) }
}
