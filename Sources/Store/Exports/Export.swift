import Campaign
import Foundation
import Postgres
import Spreadsheet

/// A list as a spreadsheet: sheets whose columns name their Chinese header, their format and
/// the SQL expression that fills them, so header and value cannot drift apart.
public struct Export: Sendable {
    /// The stem of the file name, in Chinese (`项目库` → `项目库-2026-11-29.xlsx`).
    public var name: String
    /// Whether the file name ends with the day it was made; a list of one month or period is
    /// named by it instead (`月报-2026年11月.csv`).
    public var dated: Bool
    /// What the list holds and how it was filtered, printed at the top of every page.
    public var title: String
    public var sheets: [Sheet]

    public init(name: String, dated: Bool = true, title: String? = nil, sheets: [Sheet]) {
        self.name = name
        self.dated = dated
        self.title = title ?? name
        self.sheets = sheets
    }

    /// A month as a title reads it: `2026年11月`.
    public static func title(of month: Month) -> String { "\(month.year)年\(month.month)月" }

    /// An assessment period as a title reads it: `2026年第三季度`, `2026年年终`.
    public static func title(year: Int, period: Period) -> String { "\(year)年\(period.chineseLabel)" }

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

    /// A `timestamptz` column as a date-time cell on the county's clock.
    public static func time(_ header: String, _ expression: String) -> ExportColumn {
        ExportColumn(header, .timestamp, "to_char((\(expression)) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS')")
    }

    /// A month (`date`, the first of the month) as a date cell shown as `2026年11月`.
    public static func month(_ header: String, _ expression: String) -> ExportColumn {
        ExportColumn(header, .month, "to_char(\(expression), 'YYYY-MM-DD')")
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
        case .date, .month:
            let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 || (column.format == .month && parts.count == 2) else {
                throw PostgresError(.decoding, reason: "\(column.header) is not a date")
            }
            return .date(year: parts[0], month: parts[1], day: parts.count == 3 ? parts[2] : 1)
        case .timestamp:
            // `YYYY-MM-DD HH24:MI:SS` on the county's clock (`ExportColumn.countyTime`).
            let parts = text.split(whereSeparator: { "- :".contains($0) }).compactMap { Int($0) }
            guard parts.count == 6 else { throw PostgresError(.decoding, reason: "\(column.header) is not a time") }
            return .dateTime(LocalDateTime(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: parts[5]))
        }
    }
}
