import Foundation
import Postgres
import Spreadsheet

/// A list as a spreadsheet: sheets whose columns name their Chinese header, their format and
/// the SQL expression that fills them, so header and value cannot drift apart.
public struct Export: Sendable {
    /// The stem of the file name (`projects` → `projects-2026-11-29.xlsx`).
    public var name: String
    public var sheets: [Sheet]

    public init(name: String, sheets: [Sheet]) {
        self.name = name
        self.sheets = sheets
    }

    /// One sheet: its rows come from a query, in column order, or are computed beforehand
    /// (rankings, indicator warnings: a few rows per agency).
    public struct Sheet: Sendable {
        public enum Source: Sendable {
            case query(Query)
            /// Each value as PostgreSQL would write it in text; nil is empty.
            case values([[String?]])
        }

        public var name: String
        public var columns: [ExportColumn]
        public var source: Source

        /// `SELECT <each column's expression> <from>` — `from` holds FROM, WHERE and ORDER BY.
        public init(name: String, columns: [ExportColumn], from: Query) {
            var query = Query(sql: "SELECT " + columns.map(\.expression).joined(separator: ", ") + "\n")
            query.append(from)
            self.init(name: name, columns: columns, source: .query(query))
        }

        public init(name: String, columns: [ExportColumn], source: Source) {
            self.name = name
            self.columns = columns
            self.source = source
        }
    }
}

/// A column of an export.
public struct ExportColumn: Sendable {
    public var column: Column
    /// Trusted SQL written in this program, never user input.
    var expression: String
    /// Codes shown as their Chinese labels (a category `industry` as 工业).
    var labels: [String: String]?

    public init(_ header: String, _ format: Column.Format = .text, _ expression: String, labels: [String: String]? = nil) {
        self.column = Column(header, format)
        self.expression = expression
        self.labels = labels
    }

    /// A yes/no flag shown as 是 / 否.
    public static func flag(_ header: String, _ expression: String) -> ExportColumn {
        ExportColumn(header, .text, "CASE WHEN \(expression) THEN '是' ELSE '否' END")
    }
}

extension Export {
    /// Writes every sheet with `writer`, reading rows through a cursor a batch at a time. A format
    /// that holds one table (CSV) gets one table: with several sheets, each row starts with its
    /// sheet's name under `groupHeader`.
    public func write(to writer: any SpreadsheetWriter, groupHeader: String = "分组", on connection: Connection) throws {
        let merged = writer.holdsOneTable && sheets.count > 1
        precondition(!merged || Set(sheets.map { $0.columns.map(\.column) }).count == 1, "sheets merged into one table share their columns")
        for (index, sheet) in sheets.enumerated() {
            if !merged || index == 0 {
                try writer.beginSheet(name: sheet.name, columns: (merged ? [Column(groupHeader)] : []) + sheet.columns.map(\.column))
            }
            func append(_ value: (Int) throws -> String?) throws {
                var cells: [Cell] = merged ? [.text(sheet.name)] : []
                cells.reserveCapacity(sheet.columns.count + 1)
                for (column, spec) in sheet.columns.enumerated() { cells.append(try spec.cell(value(column))) }
                try writer.append(cells)
            }
            switch sheet.source {
            case .query(let query):
                try connection.forEachBatch(of: query) { batch in
                    for position in 0..<batch.count {
                        let row = batch[position]
                        try append { try row.decode($0, as: String?.self) }
                    }
                }
            case .values(let rows):
                for row in rows { try append { $0 < row.count ? row[$0] : nil } }
            }
        }
    }
}

extension ExportColumn {
    /// The cell of a value as PostgreSQL writes it in text (`1234.50`, `2026-03-01`).
    func cell(_ text: String?) throws -> Cell {
        guard let text else { return .empty }
        switch column.format {
        case .text:
            return .text(labels?[text] ?? text)
        case .money, .integer, .ratio:
            guard let number = Decimal(string: text) else { throw PostgresError(.decoding, reason: "\(column.header) is not a number") }
            return .number(number)
        case .date:
            let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { throw PostgresError(.decoding, reason: "\(column.header) is not a date") }
            return .date(year: parts[0], month: parts[1], day: parts[2])
        }
    }
}
