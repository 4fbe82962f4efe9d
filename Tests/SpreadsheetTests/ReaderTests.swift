import Foundation
import Testing
@testable import Spreadsheet

@Suite struct ReaderTests {
    @Test func sharedStringsFormulasMergedCellsAndGaps() throws {
        let strings = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>代码</t></si><si><r><t>本月</t></r><r><t>完成</t></r><rPh><t>ほん</t></rPh></si></sst>"#
        let sheet = Workbooks.sheet("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
            <row r="3"><c r="A3"><f>1+1</f><v>2</v></c><c r="C3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>
            <row r="4"><c r="A4"><f>SUM(A1:A3)</f></c><c r="B4" t="e"><v>#DIV/0!</v></c><c r="D4" t="b"><v>1</v></c></row>
            <row r="5"><c r="A5" t="s"><v>9</v></c></row>
            """)
        let merged = sheet.replacingOccurrences(of: "</sheetData>", with: #"</sheetData><mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>"#)
        let rows = try UploadedSheet.rows(of: Workbooks.xlsx(sheet: merged, sharedStrings: strings))
        #expect(rows.map(\.number) == [1, 3, 4, 5])
        #expect(rows[0].cells == [.text("代码"), .text("本月完成")])
        #expect(rows[1].cells == [.number("2"), .empty, .text("ab")])
        #expect(rows[2].cells == [.formulaWithoutValue, .error("#DIV/0!"), .empty, .bool(true)])
        #expect(rows[3].cells == [.error("#REF!")])
        #expect(throws: CellProblem.self) { try rows[2][0].decimal() }
        #expect(try rows[1][0].decimal() == 2)
    }

    @Test func oldXLSIsRefusedWithAWayOut() {
        let ole2 = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        let error = #expect(throws: SpreadsheetReadError.self) { try UploadedSheet.rows(of: ole2) }
        #expect(error?.kind == .unsupportedFormat)
        #expect(error?.message.contains(".xlsx") == true)
    }

    @Test func zipBombStopsAtTheCap() throws {
        let zeros = String(repeating: "<row/>", count: 2_000_000)
        let bomb = try Workbooks.xlsx(sheet: Workbooks.sheet(zeros))
        #expect(bomb.count < 200_000)
        let error = #expect(throws: SpreadsheetReadError.self) {
            try UploadedSheet.rows(of: bomb, limits: ReadLimits(maxPartBytes: 1 << 20, maxTotalBytes: 2 << 20))
        }
        #expect(error?.message.contains("expands to more than") == true)
    }

    @Test func entityDeclarationsAreRefused() throws {
        let laughs = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>"#
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"#
        let error = #expect(throws: SpreadsheetReadError.self) { try UploadedSheet.rows(of: Workbooks.xlsx(sheet: laughs)) }
        #expect(error?.message.contains("DTD") == true)
    }

    @Test func aDTDInUTF16IsRefused() throws {
        // MUT: the same entity in a part written in UTF-16 (the byte scan would see "<\0!\0D")
        let xxe = #"<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY xxe "boom">]>"#
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>[&xxe;]</t></is></c></row></sheetData></worksheet>"#
        let error = #expect(throws: SpreadsheetReadError.self) { try UploadedSheet.rows(of: Workbooks.xlsx(sheet: xxe, encoding: .utf16)) }
        // validate
        #expect(error?.message.contains("UTF-8") == true)
    }

    @Test func aPartNamingAnotherEncodingIsRefused() throws {
        let latin = #"<?xml version="1.0" encoding="ISO-8859-1"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>"#
        let error = #expect(throws: SpreadsheetReadError.self) { try UploadedSheet.rows(of: Workbooks.xlsx(sheet: latin)) }
        #expect(error?.message.contains("UTF-8") == true)
    }

    @Test func sharedStringsBeyondTheMemoryCapAreRefused() throws {
        // MUT: 56 MiB of shared strings (a few hundred KB zipped)
        let item = "<si><t>" + String(repeating: "字", count: 10_000) + "</t></si>"
        let strings = #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + String(repeating: item, count: 2_000) + "</sst>"
        let workbook = try Workbooks.xlsx(sheet: Workbooks.sheet(#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#), sharedStrings: strings)
        let error = #expect(throws: SpreadsheetReadError.self) { try UploadedSheet.rows(of: workbook) }
        // validate: refused at the in-memory cap (48 MiB), well below the 128 MiB of a streamed part
        #expect(error?.message.contains("48 MiB") == true)
    }

    @Test func tooManyRowsIsRefusedWhileReading() throws {
        let rows = (1...12).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        let error = #expect(throws: SpreadsheetReadError.self) {
            try UploadedSheet.rows(of: Workbooks.xlsx(sheet: Workbooks.sheet(rows)), limits: ReadLimits(maxRows: 10))
        }
        #expect(error?.message.contains("more than 10 rows") == true)
        #expect(try UploadedSheet.rows(of: Workbooks.xlsx(sheet: Workbooks.sheet(rows)), limits: ReadLimits(maxRows: 11)).count == 12)
    }

    @Test func csvWithBOMQuotesAndBlankLines() throws {
        let csv = Data([0xEF, 0xBB, 0xBF]) + Data("项目代码,形象进度\r\nP-1,\"主体,完工\"\r\n,\r\nP-2,\"多\r\n行\"\r\n".utf8)
        let rows = try UploadedSheet.rows(of: csv)
        #expect(rows.map(\.number) == [1, 2, 4])
        #expect(rows[1].cells == [.text("P-1"), .text("主体,完工")])
        #expect(rows[2].cells == [.text("P-2"), .text("多\r\n行")])
    }

    @Test func csvNotUTF8IsReadAsGB18030() throws {
        let gbk = Data([0xCF, 0xEE, 0xC4, 0xBF, 0x2C, 0x31, 0x0D, 0x0A])
        let read = try UploadedSheet.read(gbk)
        #expect(read.rows.first?.cells == [.text("项目"), .text("1")])
        #expect(read.encoding == .gb18030)
        #expect(try UploadedSheet.read(Data("项目,1\r\n".utf8)).encoding == .utf8)
    }

    @Test func csvInUTF16OrNeitherEncodingIsRefused() {
        let utf16 = Data([0xFF, 0xFE, 0x79, 0x98, 0xEE, 0x76])
        let refused = #expect(throws: SpreadsheetReadError.self) { try UploadedSheet.rows(of: utf16) }
        #expect(refused?.message.contains("UTF-16") == true)
        let neither = #expect(throws: SpreadsheetReadError.self) { try UploadedSheet.rows(of: Data([0x80, 0x2C, 0x31, 0xFF])) }
        #expect(neither?.message.contains("GB18030") == true)
    }

    @Test func numbersAsPeopleTypeThem() throws {
        #expect(try ReadCell.text("１２３").decimal() == 123)
        #expect(try ReadCell.text(" 1,234.50万元 ").decimal() == Decimal(string: "1234.5"))
        #expect(try ReadCell.number("1.5E3").decimal() == 1500)
        // a double written in full by a program is the figure the person typed (15 digits, as Excel)
        #expect(try ReadCell.number("65.65000000000001").decimal() == Decimal(string: "65.65"))
        #expect(try ReadCell.number("0.30000000000000004").decimal() == Decimal(string: "0.3"))
        #expect(try ReadCell.empty.decimal() == nil)
        #expect(throws: CellProblem.self) { try ReadCell.text("一百").decimal() }
        #expect(throws: CellProblem.self) { try ReadCell.text("12亿").decimal() }
        #expect(throws: CellProblem.self) { try ReadCell.text("a\u{0}b").text() }
    }

    @Test func datesAsSerialsAndText() throws {
        #expect(try ReadCell.number("46082").date()! == (2026, 3, 1))
        #expect(try ReadCell.text("2026/3/1").date()! == (2026, 3, 1))
        #expect(try ReadCell.text("2026年3月1日").date()! == (2026, 3, 1))
        #expect(throws: CellProblem.self) { try ReadCell.text("2026-02-30").date() }
        #expect(throws: CellProblem.self) { try ReadCell.number("46082.5").date() }
    }
}

@Suite struct CSVGuardTests {
    @Test func theWritersFormulaGuardIsTakenOffOnReading() throws {
        let data = try Workbooks.written(.csv) { writer in
            try writer.beginSheet(name: "s", columns: [Column("a"), Column("b")])
            try writer.append([.text("=SUM(1)"), .text("'quoted")])
        }
        let rows = try UploadedSheet.rows(of: data)
        #expect(rows[1].cells == [.text("=SUM(1)"), .text("'quoted")])
    }
}
