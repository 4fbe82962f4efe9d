import Campaign
import Documents
import Foundation
import Hummingbird

/// Word documents (.docx) as responses: the minutes and the bulletins.
enum WordDocument {
    static let mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// 422 unless `format` is absent or `docx` (the only file these resources are).
    static func requireFormat(_ request: Request) throws {
        if let format = request.uri.queryParameters["format"], format != "docx" {
            throw Problem.invalid([.init(field: "format", .formatDocxOnly)])
        }
    }

    /// Whether the request asks for the Word document (`?format=docx`); 422 for another format.
    static func wanted(_ request: Request) throws -> Bool {
        guard request.uri.queryParameters["format"] != nil else { return false }
        try requireFormat(request)
        return true
    }

    /// The document as an attachment named `<fileName>.docx`.
    static func response(_ document: OfficialDocument, fileName: String) throws -> Response {
        let bytes = try DocxWriter.data(document)
        return Response(
            status: .ok,
            headers: [
                .contentType: mediaType, .contentDisposition: ContentDisposition.attachment(filename: fileName + ".docx"),
                .xContentTypeOptions: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// 2026-12-05 → 2026年12月5日.
    static func chineseDate(_ text: String) -> String {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return text }
        return "\(parts[0])年\(parts[1])月\(parts[2])日"
    }
}

/// A meeting as its stored JSON says, read back for the minutes (会议纪要).
struct MinutesContent: Decodable {
    struct Agency: Decodable { let name: String }
    struct Subject: Decodable { let code: String; let name: String }
    struct Decision: Decodable {
        let text: String
        let agency: Agency?
        let dueDate: String
        enum CodingKeys: String, CodingKey { case text, agency, dueDate = "due_date" }
    }
    struct Item: Decodable {
        let source: String
        let subject: Subject
        let summary: String
        let decision: Decision?
    }

    let id: Int64
    let kind: String
    let title: String
    let date: String
    let chair: String
    let status: String
    let attendees: [Agency]
    let agenda: [Item]

    /// The minutes laid out as a government document.
    func document(office: String) -> OfficialDocument {
        let decisions = agenda.filter { $0.decision != nil }
        var body: [OfficialDocument.Block] = [
            .paragraph("\(WordDocument.chineseDate(date))，\(chair)主持召开\(MeetingKind(rawValue: kind)?.chineseLabel ?? "")会议（\(title)），"
                + "研究重大项目建设中的困难和问题。参会单位：\(attendees.isEmpty ? "无" : attendees.map(\.name).joined(separator: "、"))。现纪要如下。"),
            .heading("一、会议议题"),
            .table(.init(caption: "会议议题", headers: ["序号", "来源", "项目编号", "项目名称", "议题"],
                         rows: agenda.enumerated().map { index, item in
                             ["\(index + 1)", AgendaSource(rawValue: item.source)?.chineseLabel ?? item.source, item.subject.code, item.subject.name, item.summary]
                         })),
            .heading("二、决定事项"),
            .table(.init(caption: "决定事项", headers: ["序号", "项目名称", "决定事项", "责任单位", "办结期限"],
                         rows: decisions.enumerated().map { index, item in
                             ["\(index + 1)", item.subject.name, item.decision?.text ?? "", item.decision?.agency?.name ?? "",
                              item.decision?.dueDate ?? ""]
                         })),
            .paragraph("以上决定事项由各责任单位按期办结，逾期未办结的提交领导小组督办，并列入下次会议遗留事项。"),
        ]
        if decisions.isEmpty { body.removeLast() }
        return OfficialDocument(
            office: office, number: nil, title: "\(title)会议纪要", body: body, date: WordDocument.chineseDate(date),
            draftMark: status == "closed" ? nil : "（会议未结束，纪要为草稿）")
    }
}
