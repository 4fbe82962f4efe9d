/// A government document (公文) as GB/T 9704-2012 lays it out: the issuing office's mark, the
/// document number, a title, a body of headings, paragraphs and tables, and the date of issue.
/// `DocxWriter` turns it into a Word document.
public struct OfficialDocument: Sendable, Equatable {
    /// One block of the body.
    public enum Block: Sendable, Equatable {
        /// A first-level heading (一、…), in 黑体.
        case heading(String)
        /// A paragraph of body text, in 仿宋, first line indented two characters.
        case paragraph(String)
        /// A table with a caption, Chinese column headers and rows of cell text.
        case table(Table)
    }

    /// A table: its caption, header row and body rows (each as long as the header).
    public struct Table: Sendable, Equatable {
        public var caption: String
        public var headers: [String]
        public var rows: [[String]]

        public init(caption: String, headers: [String], rows: [[String]]) {
            self.caption = caption
            self.headers = headers
            self.rows = rows
        }
    }

    /// The issuing office (发文机关标志), printed in red above the red line.
    public var office: String
    /// The document number (发文字号), such as 余发改通〔2026〕3号; nil for a draft.
    public var number: String?
    public var title: String
    public var body: [Block]
    /// The date of issue (成文日期) as printed: 2026年12月5日.
    public var date: String
    /// A mark printed above the office for an unissued document (草稿).
    public var draftMark: String?

    public init(office: String, number: String?, title: String, body: [Block], date: String, draftMark: String? = nil) {
        self.office = office
        self.number = number
        self.title = title
        self.body = body
        self.date = date
        self.draftMark = draftMark
    }
}
