import Foundation

/// One worksheet's XML, written row by row after its first rows have sized the columns.
final class SheetStream {
    private let file: OutputFile
    private let columns: [Column]
    private let print: PrintSetup
    private let letters: [String]
    private var sample: [(cells: [Cell], highlighted: Set<Int>)] = []
    private var headWritten = false
    private var rowNumber = 1

    init(file: OutputFile, columns: [Column], print: PrintSetup) throws {
        self.file = file
        self.columns = columns
        self.print = print
        self.letters = columns.indices.map(ColumnLetters.name)
    }

    /// Appends a row; the cells at `highlighted` are filled (the wrong cells of a refused upload).
    func append(_ row: [Cell], highlighted: Set<Int> = []) throws {
        if headWritten { return try write(row, highlighted: highlighted) }
        sample.append((row, highlighted))
        if sample.count >= XLSXWriter.sampledRows { try writeHead() }
    }

    func close() throws {
        if !headWritten { try writeHead() }
        try file.write("</sheetData>" + print.worksheetXML + "</worksheet>")
        try file.close()
    }

    private func writeHead() throws {
        headWritten = true
        try file.write(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        try file.write(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)
        try file.write(PrintSetup.sheetProperties)
        try file.write(#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#)
        if !columns.isEmpty {
            try file.write("<cols>")
            for (index, width) in widths().enumerated() {
                try file.write(#"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#)
            }
            try file.write("</cols>")
        }
        try file.write("<sheetData>")
        try write(columns.map { .text($0.header) }, header: true)
        let rows = sample
        sample = []
        for row in rows { try write(row.cells, highlighted: row.highlighted) }
    }

    /// Widths in characters from the header and the sampled rows (CJK characters count twice).
    private func widths() -> [Int] {
        columns.indices.map { index in
            var widest = Self.displayWidth(columns[index].header)
            for row in sample where index < row.cells.count {
                widest = max(widest, Self.displayWidth(Self.shown(row.cells[index], format: columns[index].format)))
            }
            return min(60, max(8, widest + 2))
        }
    }

    private func write(_ row: [Cell], header: Bool = false, highlighted: Set<Int> = []) throws {
        var xml = #"<row r="\#(rowNumber)">"#
        for (index, cell) in row.enumerated() where index < columns.count {
            let reference = letters[index] + String(rowNumber)
            let format = columns[index].format
            if highlighted.contains(index) {
                xml += Self.highlightedCell(cell, reference: reference)
                continue
            }
            switch cell {
            case .empty, .text(""):
                // Nothing written: the cell stays blank, not an empty string.
                continue
            case .text(let text):
                xml += #"<c r="\#(reference)" t="inlineStr"\#(header ? #" s="1""# : "")><is><t xml:space="preserve">\#(XMLText.escape(text))</t></is></c>"#
            case .number(let number):
                xml += #"<c r="\#(reference)" s="\#(XLSXParts.style(for: format))"><v>\#(number.description)</v></c>"#
            case .date(let year, let month, let day):
                let style = format == .month ? XLSXParts.style(for: .month) : XLSXParts.dateStyle
                xml += #"<c r="\#(reference)" s="\#(style)"><v>\#(DateSerial.serial(year: year, month: month, day: day))</v></c>"#
            case .dateTime(let time):
                xml += #"<c r="\#(reference)" s="\#(XLSXParts.style(for: .timestamp))"><v>\#(time.serial.description)</v></c>"#
            }
        }
        rowNumber += 1
        try file.write(xml + "</row>")
    }

    /// A cell filled to catch the eye (text, or a number in the general format; an empty one too).
    static func highlightedCell(_ cell: Cell, reference: String) -> String {
        let style = XLSXParts.highlightStyle
        return switch cell {
        case .empty, .text(""): #"<c r="\#(reference)" s="\#(style)"/>"#
        case .text(let text): #"<c r="\#(reference)" t="inlineStr" s="\#(style)"><is><t xml:space="preserve">\#(XMLText.escape(text))</t></is></c>"#
        case .number(let number): #"<c r="\#(reference)" s="\#(style)"><v>\#(number.description)</v></c>"#
        case .date(let year, let month, let day): #"<c r="\#(reference)" s="\#(style)"><v>\#(DateSerial.serial(year: year, month: month, day: day))</v></c>"#
        case .dateTime(let time): #"<c r="\#(reference)" s="\#(style)"><v>\#(time.serial.description)</v></c>"#
        }
    }

    /// The text a spreadsheet shows for a cell, for sizing.
    static func shown(_ cell: Cell, format: Column.Format) -> String {
        switch cell {
        case .empty: ""
        case .text(let text): text
        case .number(let number): format == .money ? number.fixed(places: 2) + "," : number.description
        case .date: format == .month ? "2026年01月" : "2026-01-01"
        case .dateTime: "2026-01-01 00:00"
        }
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }
}

/// Spreadsheet column names: 0 → A, 25 → Z, 26 → AA.
enum ColumnLetters {
    static func name(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// The 0-based column index of a reference such as `AB12`; nil when it has no letters.
    static func index(ofReference reference: String) -> Int? {
        var index = 0
        var seen = false
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            index = index * 26 + Int(scalar.value - 64)
            seen = true
        }
        return seen ? index - 1 : nil
    }
}

/// Text as XML character data: markup escaped, characters XML 1.0 forbids dropped.
enum XMLText {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
