import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses a worksheet's XML as a stream, calling back once per non-blank row.
///
/// A formula cell yields its cached result (`<v>`); a formula saved without one is reported as
/// `formulaWithoutValue`. Merged cells keep their value in the top-left cell, as the file stores it.
final class SheetParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private let limits: ReadLimits
    private let onRow: (SheetRow) throws -> Void
    private var failure: (any Error)?
    private var row: SheetRow?
    private var lastRowNumber = 0
    private var cellColumn = 0
    private var cellType: String?
    private var cellText = ""
    private var inlineText = ""
    private var collecting: Collecting = .none
    private var hasFormula = false

    private enum Collecting { case none, value, inline }

    private init(sharedStrings: [String], limits: ReadLimits, onRow: @escaping (SheetRow) throws -> Void) {
        self.sharedStrings = sharedStrings
        self.limits = limits
        self.onRow = onRow
    }

    static func parse(url: URL, sharedStrings: [String], limits: ReadLimits, _ onRow: (SheetRow) throws -> Void) throws {
        try withoutActuallyEscaping(onRow) { onRow in
            let delegate = SheetParser(sharedStrings: sharedStrings, limits: limits, onRow: onRow)
            guard let stream = InputStream(url: url) else {
                throw SpreadsheetReadError.unreadable("the sheet could not be unpacked")
            }
            let parser = XMLParser(stream: stream)
            parser.delegate = delegate
            let parsed = parser.parse()
            if let failure = delegate.failure { throw failure }
            guard parsed else {
                throw SpreadsheetReadError.unreadable("the sheet is not well-formed XML near line \(parser.lineNumber): save the file again")
            }
        }
    }

    private func fail(_ error: any Error, _ parser: XMLParser) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        switch name {
        case "row":
            let number = attributes["r"].flatMap(Int.init) ?? lastRowNumber + 1
            guard number > lastRowNumber, number <= 1_048_576 else {
                return fail(SpreadsheetReadError.unreadable("the sheet's rows are out of order near row \(number)"), parser)
            }
            lastRowNumber = number
            row = SheetRow(number: number, cells: [])
        case "c":
            cellColumn = attributes["r"].flatMap(ColumnLetters.index(ofReference:)) ?? (row?.cells.count ?? 0)
            cellType = attributes["t"]
            cellText = ""
            inlineText = ""
            hasFormula = false
        case "v": collecting = .value
        case "t" where cellType == "inlineStr": collecting = .inline
        case "f": hasFormula = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch collecting {
        case .none: return
        case .value: cellText += string
        case .inline: inlineText += string
        }
        if cellText.count + inlineText.count > limits.maxCellLength {
            fail(SpreadsheetReadError.unreadable("row \(lastRowNumber) has a cell longer than \(limits.maxCellLength) characters"), parser)
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        switch name {
        case "v", "t": collecting = .none
        case "c":
            guard cellColumn < limits.maxColumns, row != nil else { return }
            let cell = makeCell()
            while row!.cells.count <= cellColumn { row!.cells.append(.empty) }
            row!.cells[cellColumn] = cell
        case "row":
            guard let finished = row else { return }
            row = nil
            if finished.isBlank { return }
            do { try onRow(finished) } catch { fail(error, parser) }
        default: break
        }
    }

    private func makeCell() -> ReadCell {
        switch cellType {
        case "inlineStr": return inlineText.isEmpty ? .empty : .text(inlineText)
        case "s":
            guard let index = Int(cellText), sharedStrings.indices.contains(index) else { return .error("#REF!") }
            return sharedStrings[index].isEmpty ? .empty : .text(sharedStrings[index])
        case _ where cellText.isEmpty && hasFormula: return .formulaWithoutValue
        case _ where cellText.isEmpty: return .empty
        case "str": return .text(cellText)
        case "b": return .bool(cellText == "1")
        case "e": return .error(cellText)
        default: return .number(cellText)
        }
    }
}
