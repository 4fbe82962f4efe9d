import Foundation

/// One worksheet's XML, written row by row after its first rows have sized the columns.
final class SheetStream {
    private let file: OutputFile
    private let columns: [Column]
    private let letters: [String]
    private var sample: [[Cell]] = []
    private var headWritten = false
    private var rowNumber = 1

    init(file: OutputFile, columns: [Column]) throws {
        self.file = file
        self.columns = columns
        self.letters = columns.indices.map(ColumnLetters.name)
    }

    func append(_ row: [Cell]) throws {
        if headWritten { return try write(row) }
        sample.append(row)
        if sample.count >= XLSXWriter.sampledRows { try writeHead() }
    }

    func close() throws {
        if !headWritten { try writeHead() }
        try file.write("</sheetData></worksheet>")
        try file.close()
    }

    private func writeHead() throws {
        headWritten = true
        try file.write(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        try file.write(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)
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
        for row in rows { try write(row) }
    }

    /// Widths in characters from the header and the sampled rows (CJK characters count twice).
    private func widths() -> [Int] {
        columns.indices.map { index in
            var widest = Self.displayWidth(columns[index].header)
            for row in sample where index < row.count {
                widest = max(widest, Self.displayWidth(Self.shown(row[index], format: columns[index].format)))
            }
            return min(60, max(8, widest + 2))
        }
    }

    private func write(_ row: [Cell], header: Bool = false) throws {
        var xml = #"<row r="\#(rowNumber)">"#
        for (index, cell) in row.enumerated() where index < columns.count {
            let reference = letters[index] + String(rowNumber)
            let format = columns[index].format
            switch cell {
            case .empty:
                continue
            case .text(let text):
                xml += #"<c r="\#(reference)" t="inlineStr"\#(header ? #" s="1""# : "")><is><t xml:space="preserve">\#(XMLText.escape(text))</t></is></c>"#
            case .number(let number):
                xml += #"<c r="\#(reference)" s="\#(XLSXParts.style(for: format))"><v>\#(number.description)</v></c>"#
            case .date(let year, let month, let day):
                xml += #"<c r="\#(reference)" s="\#(XLSXParts.dateStyle)"><v>\#(DateSerial.serial(year: year, month: month, day: day))</v></c>"#
            }
        }
        rowNumber += 1
        try file.write(xml + "</row>")
    }

    /// The text a spreadsheet shows for a cell, for sizing.
    static func shown(_ cell: Cell, format: Column.Format) -> String {
        switch cell {
        case .empty: ""
        case .text(let text): text
        case .number(let number): format == .money ? number.fixed(places: 2) + "," : number.description
        case .date: "2026-01-01"
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
