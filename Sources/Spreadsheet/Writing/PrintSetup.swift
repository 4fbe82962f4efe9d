/// How every sheet prints as a county office expects: A4 landscape, all columns fitted to one
/// page width (as many pages down as needed), the header row repeated on every page (the
/// workbook's `_xlnm.Print_Titles`, `XLSXParts`), the list's title and filters at the top of
/// each page, and a footer with the time the file was made and `第 X 页，共 Y 页`.
///
/// The title is the printed page header rather than a row of the sheet, so that the first row
/// stays the column headers and a downloaded sheet imports again as it is.
struct PrintSetup {
    var title: String
    var madeAt: LocalDateTime

    /// `<sheetPr>`, first in the worksheet: fit to page is what makes `fitToWidth` count.
    static let sheetProperties = #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#

    /// Margins, page setup and header/footer, after `</sheetData>` in schema order.
    var worksheetXML: String {
        let header = title.isEmpty ? "" : #"<oddHeader>&amp;C&amp;"-,Bold"&amp;14"# + XMLText.escape(Self.headerText(title)) + "</oddHeader>"
        let footer = "<oddFooter>&amp;L" + XMLText.escape("制表时间：" + madeAt.text) + "&amp;R" + XMLText.escape("第 ") + "&amp;P"
            + XMLText.escape(" 页，共 ") + "&amp;N" + XMLText.escape(" 页") + "</oddFooter>"
        return #"<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.7" bottom="0.6" header="0.3" footer="0.3"/>"#
            + #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
            + "<headerFooter>" + header + footer + "</headerFooter>"
    }

    /// Text in a header or footer, where `&` starts a code and is written `&&`.
    static func headerText(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&&")
    }
}
