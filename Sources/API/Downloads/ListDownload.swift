import Foundation
import Hummingbird
import Spreadsheet

/// Makes every list page downloadable: a list with no export of its own answers
/// `?format=xlsx|csv` (or `Accept:` of those types) by asking its own handler for every page
/// of 500 items in turn and writing each item as a row (`ListSheet`), so the file holds
/// exactly what the JSON list holds, under the same row-level security and filters.
enum ListDownload {
    /// Items asked for at a time.
    static let pageSize = 500

    /// The route, downloadable when it is a list page (unchanged otherwise).
    static func covering(_ route: APIRoute) -> APIRoute {
        guard route.method == .get, !route.downloadable, let item = route.listItemSchema,
              case .signedIn(let handler) = route.handler else { return route }
        let title = titles[route.path] ?? item
        var covered = route.downloadable()
        covered.handler = .signedIn { request, context in
            guard let format = try DownloadRequest.format(request) else { return try await handler(request, context) }
            _ = try Paging(request)  // a bad limit is 422 for a download too, though it sends every page
            guard let sheet = ListSheet(itemSchema: item) else {
                throw Problem(.unprocessableContent, .listNotDownloadable)
            }
            let writer = try format.makeWriter(title: printTitle(title, request: request, context: context))
            try writer.beginSheet(name: title, columns: sheet.columns)
            var offset = 0
            var total = 0
            repeat {
                let page = try await handler(pageRequest(request, offset: offset), context)
                let (items, count) = try await Self.items(of: page)
                for item in items { try writer.append(sheet.row(item)) }
                total = count
                offset += pageSize
            } while offset < total
            let url = try writer.finish()
            return try await DownloadResponse.send(url, named: DownloadResponse.fileName(title, dated: true, format: format), format: format, context: context)
        }
        return covered
    }

    /// The request for one page of JSON: the same path and filters, `limit` and `offset` set.
    static func pageRequest(_ request: Request, offset: Int) -> Request {
        let kept = (request.uri.query ?? "").split(separator: "&").filter { part in
            let name = part.split(separator: "=", maxSplits: 1).first ?? ""
            return !["format", "limit", "offset"].contains(name)
        }
        var head = request.head
        head.path = request.uri.path + "?" + (kept + ["limit=\(pageSize)", "offset=\(offset)"]).joined(separator: "&")
        head.headerFields[.accept] = "application/json"
        return Request(head: head, body: request.body)
    }

    /// The items and total of a JSON list page.
    static func items(of response: Response) async throws -> ([JSONValue], Int) {
        let collector = BodyCollector()
        try await response.body.write(collector)
        guard case .object(let page) = try JSONSyntax.parse(collector.bytes).value,
              case .array(let items)? = page["items"], case .number(let total)? = page["total"] else {
            throw Problem(.unprocessableContent, .listNotDownloadable)
        }
        return (items, NSDecimalNumber(decimal: total).intValue)
    }

    /// The printed title: the list, the project or item it belongs to, and its filters.
    static func printTitle(_ title: String, request: Request, context: AuthenticatedContext) -> String {
        var filters: [String] = context.parameters.map { "\(ListColumns.entry(String($0.key))?.entry.header ?? String($0.key)) \($0.value)" }
        for (name, value) in request.uri.queryParameters where !["format", "limit", "offset"].contains(name) {
            filters.append("\(ListColumns.entry(String(name))?.entry.header ?? String(name)) \(value)")
        }
        return filters.isEmpty ? title : "\(title)（\(filters.joined(separator: "，"))）"
    }

    /// The Chinese name of each list, for its file and sheet (`消息-2026-12-06.xlsx`).
    static let titles: [String: String] = [
        "notifications": "消息", "projects/:id/history": "修改记录", "projects/:id/attachments": "附件",
        "attraction/deals/:id/receipts": "到位资金", "projects/:id/reports": "月报", "projects/:id/funding": "资金来源",
        "projects/:id/approvals": "审批手续", "projects/:id/problems": "困难问题",
        "land/quotas/:year/allocations": "建设用地指标分配", "financing-platforms": "融资平台", "parks": "园区",
        "parks/:id/items": "园区基础设施", "users": "用户", "category-leads": "类别牵头部门", "assessments": "考核",
        "statistics/fai": "全社会固定资产投资", "attraction/teams": "招商专班", "agencies": "单位",
    ]
}

/// Keeps a response body's bytes.
private final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    var bytes: [UInt8] = []

    func write(_ buffer: ByteBuffer) async throws { bytes += buffer.readableBytesView }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
