/// The fixed parts of a workbook: content types, relationships, the workbook and its styles.
enum XLSXParts {
    /// Style indexes into `cellXfs` below.
    static let dateStyle = 3
    /// A light red fill: the wrong cells of a refused upload (`XLSXWriter.append(_:highlighting:)`).
    static let highlightStyle = 8

    static func style(for format: Column.Format) -> Int {
        switch format {
        case .text: 0
        case .money: 2
        case .date: dateStyle
        case .integer: 4
        case .ratio: 5
        case .month: 6
        case .timestamp: 7
        }
    }

    /// Every part except the worksheets, by path in the archive.
    static func fixedParts(sheetNames: [String]) -> [(String, String)] {
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        let sheetOverrides = sheetNames.indices.map {
            #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }.joined()
        let sheets = sheetNames.enumerated().map { index, name in
            #"<sheet name="\#(XMLText.escape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }.joined()
        // Each sheet's header row repeats at the top of every printed page.
        let printTitles = sheetNames.enumerated().map { index, name in
            #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(index)">'\#(XMLText.escape(name.replacingOccurrences(of: "'", with: "''")))'!$1:$1</definedName>"#
        }.joined()
        let sheetRelations = sheetNames.indices.map {
            #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
        }.joined()
        let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
        return [
            ("[Content_Types].xml", header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"# + sheetOverrides + "</Types>"),
            ("_rels/.rels", header + #"<Relationships xmlns="\#(relationships)"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", header + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"# + sheets + "</sheets><definedNames>" + printTitles + "</definedNames></workbook>"),
            ("xl/_rels/workbook.xml.rels", header + #"<Relationships xmlns="\#(relationships)">"# + sheetRelations + #"<Relationship Id="rId\#(sheetNames.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#),
            ("xl/styles.xml", header + styles),
        ]
    }

    /// Fonts: regular and bold (headers); number formats: 4 is the built-in `#,##0.00`, 1 is `0`.
    static let styles = #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="167" formatCode="yyyy\-mm\-dd hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="9"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
}
