import Foundation
import ZIPFoundation

/// Writes an `OfficialDocument` as a Word document (.docx): the template's fixed parts
/// (`DocxTemplate`) and the body, zipped in memory by ZIPFoundation.
public enum DocxWriter {
    /// The document's bytes.
    public static func data(_ document: OfficialDocument) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", DocxTemplate.contentTypes),
            ("_rels/.rels", DocxTemplate.packageRelationships),
            ("docProps/core.xml", DocxTemplate.core(title: document.title)),
            ("word/_rels/document.xml.rels", DocxTemplate.documentRelationships),
            ("word/styles.xml", DocxTemplate.styles),
            ("word/settings.xml", DocxTemplate.settings),
            ("word/footer1.xml", DocxTemplate.footer),
            ("word/document.xml", body(document)),
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw ArchiveError() }
        return bytes
    }

    struct ArchiveError: Error {}

    /// `word/document.xml`: office mark, number and red line, title, body blocks, date.
    static func body(_ document: OfficialDocument) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
            """
        if let mark = document.draftMark { xml += paragraph(mark, style: "Signature") }
        xml += paragraph(document.office, style: "Office")
        xml += paragraph(document.number ?? "", style: "Number")
        xml += paragraph(document.title, style: "Title")
        for block in document.body {
            switch block {
            case .heading(let text): xml += paragraph(text, style: "Heading1")
            case .paragraph(let text): xml += paragraph(text, style: "BodyText")
            case .table(let table): xml += self.table(table)
            }
        }
        xml += paragraph(document.office, style: "Signature")
        xml += paragraph(document.date, style: "Signature")
        return xml + DocxTemplate.section + "</w:body></w:document>"
    }

    static func paragraph(_ text: String, style: String) -> String {
        "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r></w:p>"
    }

    /// A full-width table, its header row bold and repeated on every page.
    static func table(_ table: OfficialDocument.Table) -> String {
        var xml = paragraph(table.caption, style: "Caption")
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/></w:tblPr>"
        xml += "<w:tblGrid>" + String(repeating: "<w:gridCol/>", count: table.headers.count) + "</w:tblGrid>"
        xml += "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
        for header in table.headers {
            xml += "<w:tc><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>"
                + "<w:t xml:space=\"preserve\">\(XMLText.escape(header))</w:t></w:r></w:p></w:tc>"
        }
        xml += "</w:tr>"
        for row in table.rows {
            xml += "<w:tr>" + row.map { "<w:tc>" + paragraph($0, style: "TableText") + "</w:tc>" }.joined() + "</w:tr>"
        }
        if table.rows.isEmpty {
            xml += "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"\(max(table.headers.count, 1))\"/></w:tcPr>"
                + paragraph("无", style: "TableText") + "</w:tc></w:tr>"
        }
        return xml + "</w:tbl>"
    }
}

/// Text as XML character data: markup characters escaped, characters XML 1.0 forbids dropped.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
