import Campaign
import Documents
import Foundation
import Store

/// A bulletin's drafted words: its title, and the lead (导语) and requirements (下一步工作要求) that
/// county editors then edit, written from the figures.
enum BulletinText {
    static func monthly(month: Month, figures: String) -> BulletinQueries.Draft {
        let summary = (try? JSONDecoder().decode(BulletinContent.Figures.self, from: Data(figures.utf8)))?.summary ?? [:]
        let span = month.month == 1 ? "\(month.year)年1月" : "\(month.year)年1—\(month.month)月"
        let actual = DocumentFigure.money(summary["actual_to_date"])
        let ratio = DocumentFigure.percent(summary["ratio_to_date"])
        let behind = DocumentFigure.plain(summary["behind_projects"])
        return BulletinQueries.Draft(
            kind: .monthly, month: month, runID: nil, cutOff: month.lastDay,
            title: "关于\(span)全县项目建设年重大项目推进情况的通报",
            leadText: "\(span)，全县重大项目累计完成投资\(actual)万元，为计划的\(ratio)；投资进度滞后的重大项目\(behind)个。现将有关情况通报如下。",
            requirementsText: "各责任单位要对照本通报，逐项落实进度滞后项目的赶超措施，按期办结困难问题和会议决定事项，按时报送月报。"
                + "县发改局将持续跟踪调度，对连续滞后的单位和项目提请领导小组督办。",
            figures: figures)
    }

    static func assessment(run: AssessmentRunRecord, figures: String) -> BulletinQueries.Draft {
        // A document's title names the whole year as 2026年度 (a quarter: 2026年第三季度).
        let period = run.period == .year ? "\(run.year)年度" : "\(run.year)年\(run.period.chineseLabel)"
        let endMonth = run.period == .year ? 12 : run.period.quartersCovered * 3
        return BulletinQueries.Draft(
            kind: .assessment, month: nil, runID: run.id, cutOff: Month(year: run.year, month: endMonth)!.lastDay,
            title: "关于\(period)项目建设年考核结果的通报",
            leadText: "根据项目建设年考核办法，县项目建设年领导小组对各区县和县直部门\(period)项目建设工作进行了考核。现将考核结果通报如下。",
            requirementsText: "对排名前三的单位予以通报表扬；对排名靠后、指标未完成的单位予以问责，相关单位要认真分析原因，"
                + "于10个工作日内向领导小组报送整改措施。",
            figures: figures)
    }
}

/// A bulletin as its stored JSON says, read back for the Word document.
struct BulletinContent: Decodable {
    struct Column: Decodable { let code: String; let label: String }
    struct Table: Decodable {
        let code: String
        let title: String
        let columns: [Column]
        let rows: [[String: JSONValue]]
    }
    struct Figures: Decodable {
        let summary: [String: JSONValue]
        let tables: [Table]
    }

    let id: Int64
    let kind: String
    let title: String
    let status: String
    let number: String?
    let cutOff: String
    let issuedAt: String?
    let leadText: String
    let requirementsText: String
    let figures: Figures

    enum CodingKeys: String, CodingKey {
        case id, kind, title, status, number, figures
        case cutOff = "cut_off", issuedAt = "issued_at", leadText = "lead_text", requirementsText = "requirements_text"
    }

    var fileName: String { "\(kind == "monthly" ? "月度通报" : "考核通报")-\(number ?? "草稿-\(id)")" }

    static let chineseNumbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    func document(office: String) -> OfficialDocument {
        var body: [OfficialDocument.Block] = paragraphs(leadText)
        for (index, table) in figures.tables.enumerated() {
            body.append(.heading("\(Self.chineseNumbers[min(index, 9)])、\(table.title)"))
            body.append(.table(.init(
                caption: table.title, headers: table.columns.map(\.label),
                rows: table.rows.map { row in table.columns.map { DocumentFigure.text(row[$0.code], label: $0.label) } })))
        }
        body.append(.heading("\(Self.chineseNumbers[min(figures.tables.count, 9)])、下一步工作要求"))
        body += paragraphs(requirementsText)
        let date = WordDocument.chineseDate(issuedAt.map { String($0.prefix(10)) } ?? cutOff)
        return OfficialDocument(office: office, number: number, title: title, body: body, date: date,
                                draftMark: status == "issued" ? nil : "（草稿，未印发）")
    }

    func paragraphs(_ text: String) -> [OfficialDocument.Block] {
        text.split(whereSeparator: \.isNewline).map { .paragraph(String($0).trimmingSpaces()) }
            .filter { $0 != .paragraph("") }
    }
}

/// A figure as the documents print it: money 1,473.10, percentages 87.5%, scores 87.50, — for none.
enum DocumentFigure {
    static func text(_ value: JSONValue?, label: String) -> String {
        if label.contains("万元") { return money(value) }
        if label.contains("%") { return percent(value) }
        if label.contains("得分") || label.contains("扣分"), case .number(let number)? = value {
            return Wording.grouped(number, decimals: 2)
        }
        return plain(value)
    }

    static func plain(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text)?: text
        case .number(let number)?: "\(number)"
        case .bool(let flag)?: flag ? "是" : "否"
        default: "—"
        }
    }

    static func money(_ value: JSONValue?) -> String {
        guard case .number(let number)? = value else { return "—" }
        return Wording.grouped(number, decimals: 2)
    }

    static func percent(_ value: JSONValue?) -> String {
        guard case .number(let number)? = value else { return "—" }
        return Wording.grouped(number, decimals: 1) + "%"
    }
}
