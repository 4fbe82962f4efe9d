import Campaign
import Foundation
import Postgres

/// Spreadsheet imports: the record of each upload, and the transaction-local setting that makes
/// every row written in the import carry it (migration 0040).
public enum ImportQueries {
    /// What an import did (CONTRACT.md: `{"rows","created","replaced","unchanged","errors":[]}`).
    public struct Summary: Sendable, Equatable, JSONRecord {
        public var importID: Int64?
        public var rows: Int
        public var created: Int
        public var replaced: Int
        public var unchanged: Int
        /// The encoding a CSV file was read in (`utf-8`, `gb18030`); nil for a workbook.
        public var encoding: String?

        public init(importID: Int64? = nil, rows: Int, created: Int, replaced: Int, unchanged: Int) {
            self.importID = importID
            self.rows = rows
            self.created = created
            self.replaced = replaced
            self.unchanged = unchanged
        }

        /// `errors` is always empty here: an import with errors answers a problem instead.
        public static let members: [JSONMember<Self>] = [
            .id("import_id") { $0.importID },
            .integer("rows") { $0.rows },
            .integer("created") { $0.created },
            .integer("replaced") { $0.replaced },
            .integer("unchanged") { $0.unchanged },
            .text("encoding", schema: .string(values: ["utf-8", "gb18030"])) { $0.encoding },
            .encoded("errors", schema: .array(.any)) { _ in [String]() },
        ]
    }

    /// The uploaded file: its name as sent and its SHA-256 (hex).
    public struct Upload: Sendable {
        public var fileName: String
        public var sha256: String

        public init(fileName: String, sha256: String) {
            self.fileName = fileName
            self.sha256 = sha256
        }
    }

    /// Records the import (by the caller, for the caller's agency) and sets `app.import_id` for
    /// the rest of the transaction, so the rows it writes name it.
    @discardableResult
    public static func record(
        kind: ImportKind, month: Month?, upload: Upload, summary: Summary, on connection: Connection
    ) throws -> Int64 {
        let id: Int64 = try connection.query("""
            INSERT INTO app.imports (kind, month, file_name, sha256, rows, created, replaced, unchanged)
            VALUES (\(kind.rawValue), \(month), \(upload.fileName), \(upload.sha256), \(summary.rows), \(summary.created),
                    \(summary.replaced), \(summary.unchanged))
            RETURNING id
            """)[0].decode("id")
        try connection.execute("SELECT set_config('app.import_id', \(String(id)), true)")
        return id
    }

    static let select = """
        SELECT i.id, i.kind, i.month, i.file_name, i.sha256, i.rows, i.created, i.replaced, i.unchanged,
               i.agency_id, i.user_id, n.display_name AS user_name, i.at
          FROM app.imports i LEFT JOIN app.user_display_names(ARRAY[i.user_id]) n ON true
        """

    /// The recorded imports the caller may see (the county: all; others: their agency's), newest
    /// first, and how many there are.
    public static func list(limit: Int, offset: Int, on connection: Connection) throws -> (items: [ImportRecord], total: Int) {
        let rows = try connection.query("\(unsafeSQL: select) ORDER BY i.id DESC LIMIT \(limit) OFFSET \(offset)")
        let total: Int = try connection.query("SELECT count(*)::int AS n FROM app.imports")[0].decode("n")
        return (try rows.map(decode), total)
    }

    /// A recorded import the caller may see (the county: all; others: their agency's).
    public static func find(id: Int64, on connection: Connection) throws -> ImportRecord? {
        try connection.query("\(unsafeSQL: select) WHERE i.id = \(id)").first.map(decode)
    }

    static func decode(_ row: Row) throws -> ImportRecord {
        ImportRecord(
            id: try row.decode("id"), kind: try row.decode("kind"), month: try row.decode("month"),
            fileName: try row.decode("file_name"), sha256: try row.decode("sha256"),
            summary: Summary(rows: try row.decode("rows"), created: try row.decode("created"),
                             replaced: try row.decode("replaced"), unchanged: try row.decode("unchanged")),
            agencyID: try row.decode("agency_id"),
            user: try UserReference.decode(row, idColumn: "user_id", nameColumn: "user_name"),
            at: try row.decode("at"))
    }
}
