import Foundation
import Testing
import ZIPFoundation
@testable import Spreadsheet

@Suite struct WriterTests {
    let columns = [Column("项目编号"), Column("总投资（万元）", .money), Column("计划开工", .date), Column("版本", .integer)]

    @Test func csvIsExcelsUTF8WithCRLFQuotingAndNoFormulas() throws {
        let data = try Workbooks.written(.csv) { writer in
            try writer.beginSheet(name: "项目", columns: columns)
            try writer.append([.text("=HYPERLINK(\"x\")"), .number(-1234.5), .date(year: 2026, month: 3, day: 1), .number(3)])
            try writer.append([.text("a,b \"c\"\nd"), .number(0), .empty, .text("@SUM(1)")])
            try writer.append([.text("-2+3"), .number(12), .empty, .text("\tx")])
        }
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text == """
            项目编号,总投资（万元）,计划开工,版本\r
            "'=HYPERLINK(""x"")",-1234.50,2026-03-01,3\r
            "a,b ""c""
            d",0.00,,'@SUM(1)\r
            '-2+3,12.00,,'\tx\r

            """)
    }

    @Test func xlsxReadsBackWithTypesFrozenHeaderAndWidths() throws {
        let data = try Workbooks.written(.xlsx) { writer in
            try writer.beginSheet(name: "区县组", columns: columns)
            try writer.append([.text("P-001 <&>"), .number(Decimal(string: "1234.56")!), .date(year: 2026, month: 3, day: 1), .number(2)])
            try writer.beginSheet(name: "部门组", columns: [Column("单位")])
            try writer.append([.text("发展改革委")])
        }
        let rows = try UploadedSheet.rows(of: data)
        #expect(rows.map(\.number) == [1, 2])
        #expect(rows[0].cells == [.text("项目编号"), .text("总投资（万元）"), .text("计划开工"), .text("版本")])
        #expect(rows[1].cells == [.text("P-001 <&>"), .number("1234.56"), .number("46082"), .number("2")])
        #expect(try rows[1][2].date()! == (2026, 3, 1))
        let sheetXML = try Self.part("xl/worksheets/sheet1.xml", of: data)
        #expect(sheetXML.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheetXML.contains(#"<col min="1" max="1" width="11" customWidth="1"/>"#))
        #expect(sheetXML.contains(#"<c r="B2" s="2"><v>1234.56</v></c>"#))
        #expect(try Self.part("xl/workbook.xml", of: data).contains(#"<sheet name="部门组" sheetId="2" r:id="rId2"/>"#))
    }

    @Test func sheetNamesAreCutAndMadeUnique() {
        #expect(XLSXWriter.sheetName("a/b[c]", taken: []) == "abc")
        #expect(XLSXWriter.sheetName("组", taken: ["组"]) == "组(2)")
    }

    @Test func moneyIsFixedToTwoDecimals() {
        #expect(Decimal(string: "1.005")!.fixed(places: 2) == "1.01")
        #expect(Decimal(-3).fixed(places: 2) == "-3.00")
        #expect(Decimal(string: "12.5")!.fixed(places: 0) == "13")
    }

    @Test func dateSerialsMatchSpreadsheets() {
        #expect(DateSerial.serial(year: 1900, month: 3, day: 1) == 61)
        #expect(DateSerial.serial(year: 2026, month: 11, day: 29) == 46355)
        #expect(DateSerial.date(serial: 46355) == (2026, 11, 29))
    }

    static func part(_ path: String, of data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        var text = Data()
        _ = try archive.extract(archive[path]!) { text.append($0) }
        return String(decoding: text, as: UTF8.self)
    }
}
