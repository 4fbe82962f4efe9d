import Foundation
import ZIPFoundation

/// An Office Open XML workbook (`.xlsx`) written as a stream.
///
/// Each sheet's XML is generated row by row into a temporary file (numbers as numbers with the
/// column's format, dates as date serials with a date style, text as inline strings); `finish`
/// packs the parts with ZIPFoundation, which needs a seekable file, into the returned `.xlsx`.
/// Memory stays constant: only the first rows of a sheet are held, to size its columns, because
/// `<cols>` must precede the rows.
public final class XLSXWriter: SpreadsheetWriter {
    public let holdsOneTable = false
    /// Rows looked at to size the columns.
    static let sampledRows = 200
    private let directory: URL
    private let print: PrintSetup
    private var sheets: [(name: String, url: URL)] = []
    private var current: SheetStream?

    /// `title` names the list and its filters at the top of every printed page.
    public init(directory: URL, title: String = "") throws {
        self.directory = directory
        self.print = PrintSetup(title: title, madeAt: LocalDateTime(Date()))
    }

    deinit {
        for sheet in sheets { try? FileManager.default.removeItem(at: sheet.url) }
    }

    public func beginSheet(name: String, columns: [Column]) throws {
        try current?.close()
        let url = temporaryURL(in: directory, extension: "xml")
        sheets.append((Self.sheetName(name, taken: sheets.map(\.name)), url))
        current = try SheetStream(file: OutputFile(url: url), columns: columns, print: print)
    }

    public func append(_ row: [Cell]) throws {
        try append(row, highlighting: [])
    }

    /// Appends a row whose cells at the 0-based `columns` are filled light red.
    public func append(_ row: [Cell], highlighting columns: Set<Int>) throws {
        guard let current else { preconditionFailure("beginSheet first") }
        try current.append(row, highlighted: columns)
    }

    public func finish() throws -> URL {
        try current?.close()
        current = nil
        let url = temporaryURL(in: directory, extension: "xlsx")
        do {
            let archive = try Archive(url: url, accessMode: .create)
            for (path, text) in XLSXParts.fixedParts(sheetNames: sheets.map(\.name)) {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            for (index, sheet) in sheets.enumerated() {
                try archive.addEntry(with: "xl/worksheets/sheet\(index + 1).xml", fileURL: sheet.url, compressionMethod: .deflate)
            }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return url
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
    static func sheetName(_ name: String, taken: [String]) -> String {
        var base = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(28))
        if base.isEmpty { base = "Sheet" }
        var candidate = base
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(base)(\(number))"
            number += 1
        }
        return candidate
    }
}
