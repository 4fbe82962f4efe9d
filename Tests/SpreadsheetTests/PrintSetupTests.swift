import Foundation
import Testing
@testable import Spreadsheet

/// Workbooks print as a county office expects, and times, months and blanks are typed cells.
@Suite struct PrintSetupTests {
    static func workbook(title: String) throws -> Data {
        let writer = try XLSXWriter(directory: FileManager.default.temporaryDirectory, title: title)
        try writer.beginSheet(name: "项目库", columns: [Column("项目编号"), Column("月份", .month), Column("报送时间", .timestamp), Column("存在问题")])
        try writer.append([.text("P-001"), .date(year: 2026, month: 11, day: 1),
                           .dateTime(LocalDateTime(year: 2026, month: 12, day: 6, hour: 12, minute: 0, second: 0)), .text("")])
        let url = try writer.finish()
        defer { try? FileManager.default.removeItem(at: url) }
        return try Data(contentsOf: url)
    }

    @Test func everySheetPrintsA4LandscapeFittedToOnePageWideWithItsHeaderRepeated() throws {
        let data = try Self.workbook(title: "项目库（所在区县 南明区 & 前期）")
        let sheet = try WriterTests.part("xl/worksheets/sheet1.xml", of: data)
        #expect(sheet.contains(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#))
        #expect(sheet.contains(#"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#))
        #expect(sheet.contains("项目库（所在区县 南明区 &amp;&amp; 前期）</oddHeader>"))
        #expect(sheet.contains("&amp;P") && sheet.contains("&amp;N") && sheet.contains("制表时间："))
        let workbook = try WriterTests.part("xl/workbook.xml", of: data)
        #expect(workbook.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'项目库'!$1:$1</definedName>"#))
    }

    @Test func monthsAndTimesAreDateCellsAndEmptyTextWritesNoCell() throws {
        let sheet = try WriterTests.part("xl/worksheets/sheet1.xml", of: try Self.workbook(title: ""))
        #expect(sheet.contains(#"<c r="B2" s="6"><v>46327</v></c>"#))
        #expect(sheet.contains(#"<c r="C2" s="7"><v>46362.5</v></c>"#))
        #expect(!sheet.contains(#"r="D2""#))
        #expect(!sheet.contains("<oddHeader>"))
    }
}
