import Foundation
import ZIPFoundation

/// Reads an `.xlsx` workbook with ZIPFoundation and Foundation's SAX `XMLParser`.
///
/// Defences: every part's declared and actual uncompressed size is capped while it is inflated
/// (zip bombs stop at the cap), parts read into memory have a smaller cap, parts holding a DTD
/// or not in UTF-8 are refused (no entity expansion, and no encoding hides a DTD from the scan),
/// and the sheet is parsed as a stream from a temporary file, one row at a time.
struct XLSXReader {
    let archive: Archive
    let limits: ReadLimits
    private var inflated = 0

    init(data: Data, limits: ReadLimits) throws {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SpreadsheetReadError.unreadable("the file is not a readable .xlsx workbook (a damaged ZIP): save it again from Excel or WPS")
        }
        self.limits = limits
    }

    mutating func readFirstSheet(_ onRow: (SheetRow) throws -> Void) throws {
        let sheetPath = try firstSheetPath()
        let strings = try archive["xl/sharedStrings.xml"].map { try SharedStringsParser.parse(read($0), limits: limits) } ?? []
        guard let entry = archive[sheetPath] else {
            throw SpreadsheetReadError.unreadable("the workbook names a first sheet (\(sheetPath)) that it does not contain")
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("projectyear-upload-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        try extract(entry, to: url)
        try SheetParser.parse(url: url, sharedStrings: strings, limits: limits, onRow)
    }

    /// The path of the workbook's first sheet, from `xl/workbook.xml` and its relationships.
    private mutating func firstSheetPath() throws -> String {
        guard let workbook = archive["xl/workbook.xml"] else {
            throw SpreadsheetReadError.unreadable("the ZIP file is not an .xlsx workbook (it has no xl/workbook.xml)")
        }
        let sheets = try AttributeCollector.collect(element: "sheet", in: read(workbook))
        guard let relation = sheets.first?.first(where: { $0.key.hasSuffix("id") && $0.key != "sheetId" })?.value else {
            throw SpreadsheetReadError.unreadable("the workbook has no sheet")
        }
        let relations = try archive["xl/_rels/workbook.xml.rels"].map { try AttributeCollector.collect(element: "Relationship", in: read($0)) } ?? []
        guard let target = relations.first(where: { $0["Id"] == relation })?["Target"] else {
            return "xl/worksheets/sheet1.xml"
        }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// A small part in memory, size-checked and DTD-checked.
    private mutating func read(_ entry: Entry) throws -> Data {
        var data = Data()
        try inflate(entry, cap: limits.maxInMemoryPartBytes) { data.append($0) }
        return data
    }

    private mutating func extract(_ entry: Entry, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw SpreadsheetReadError.unreadable("the sheet could not be unpacked (no temporary space)")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try inflate(entry) { try handle.write(contentsOf: $0) }
    }

    /// Inflates `entry` chunk by chunk, stopping at the caps (the part's own `cap` too), at any
    /// DTD and at a part that is not UTF-8.
    private mutating func inflate(_ entry: Entry, cap partCap: Int = .max, _ consume: (Data) throws -> Void) throws {
        let ownCap = min(limits.maxPartBytes, partCap)
        let cap = min(ownCap, limits.maxTotalBytes - inflated)
        let tooLarge = SpreadsheetReadError.unreadable(
            "the workbook expands to more than \(limits.maxTotalBytes >> 20) MiB (part \(entry.path) alone may hold \(ownCap >> 20) MiB): it is not an ordinary sheet")
        guard entry.uncompressedSize <= UInt64(max(0, cap)) else { throw tooLarge }
        var size = 0
        var scanner = DTDScanner()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if size == 0, !XMLEncoding.isUTF8(start: chunk) {
                    throw SpreadsheetReadError.unreadable(
                        "the workbook part \(entry.path) is not in UTF-8 (as Excel and WPS write it), which is refused: save the file again from Excel or WPS")
                }
                size += chunk.count
                if size > cap { throw tooLarge }
                if scanner.found(in: chunk) {
                    throw SpreadsheetReadError.unreadable("the workbook part \(entry.path) declares a DTD (<!DOCTYPE> or <!ENTITY>), which is refused")
                }
                try consume(chunk)
            }
        } catch let error as SpreadsheetReadError {
            throw error
        } catch {
            throw SpreadsheetReadError.unreadable("the workbook part \(entry.path) is damaged (\(error)): save the file again")
        }
        inflated += size
    }
}

/// Finds `<!DOCTYPE` or `<!ENTITY` (any `<!` but comments and CDATA) across chunk boundaries.
struct DTDScanner {
    private var tail = Data()
    private static let markers = ["<!D", "<!E", "<!d", "<!e"].map { Data($0.utf8) }

    mutating func found(in chunk: Data) -> Bool {
        let window = tail + chunk
        tail = window.suffix(2)
        return Self.markers.contains { window.range(of: $0) != nil }
    }
}

/// Whether an XML part starts as UTF-8 does: no UTF-16 or UTF-32 byte-order mark or zero bytes
/// around its first `<`, and an XML declaration naming no other encoding.
enum XMLEncoding {
    static func isUTF8(start chunk: Data) -> Bool {
        let head = [UInt8](chunk.prefix(256))
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.prefix(4).contains(0) { return false }
        let text = String(decoding: head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head, as: UTF8.self)
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>") else { return true }
        let declaration = text[..<end.lowerBound].lowercased().replacingOccurrences(of: " ", with: "")
        guard let named = declaration.range(of: "encoding=") else { return true }
        let value = declaration[named.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
        return value == "utf-8" || value == "utf8"
    }
}
