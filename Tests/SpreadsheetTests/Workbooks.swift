import Foundation
import ZIPFoundation
@testable import Spreadsheet

/// Hand-made workbooks for the reader's tests: a minimal package around the given sheet XML.
enum Workbooks {
    static func xlsx(sheet: String, sharedStrings: String? = nil, extra: [(String, Data)] = [], encoding: String.Encoding = .utf8) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var parts = XLSXParts.fixedParts(sheetNames: ["Sheet1"]).map { ($0.0, Data($0.1.utf8)) }
        parts.append(("xl/worksheets/sheet1.xml", sheet.data(using: encoding)!))
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", Data(sharedStrings.utf8))) }
        for (path, data) in parts + extra {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// A sheet's XML around the given `<row>` elements.
    static func sheet(_ rows: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + rows + "</sheetData></worksheet>"
    }

    /// Writes with `writer` and returns the file's bytes (the file is removed).
    static func written(_ format: SpreadsheetFormat, _ body: (any SpreadsheetWriter) throws -> Void) throws -> Data {
        let writer = try format.makeWriter()
        try body(writer)
        let url = try writer.finish()
        defer { try? FileManager.default.removeItem(at: url) }
        return try Data(contentsOf: url)
    }
}
