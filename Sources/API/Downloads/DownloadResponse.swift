import Foundation
import Hummingbird
import Spreadsheet
import Store

/// Answers a list as a spreadsheet file.
///
/// The export is written, inside one transaction under the caller's row-level security, to a
/// temporary file (rows read through a cursor a batch at a time, so memory stays constant); the
/// file is then streamed to the client and removed.
enum DownloadResponse {
    static func make(
        _ export: Export, format: SpreadsheetFormat, database: Database, context: AuthenticatedContext
    ) async throws -> Response {
        let url = try await database.transaction(as: context.caller) { connection in
            let writer = try format.makeWriter(title: export.title)
            try export.write(to: writer, on: connection)
            return try writer.finish()
        }
        return try await send(url, named: fileName(export.name, dated: export.dated, format: format), format: format, context: context)
    }

    /// Streams the finished file `url` as an attachment named `name`, then removes it.
    static func send(_ url: URL, named name: String, format: SpreadsheetFormat, context: some RequestContext) async throws -> Response {
        let file: ResponseBody
        do {
            file = try await FileIO().loadFile(path: url.path, context: context)
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        let body = ResponseBody(contentLength: file.contentLength) { writer in
            defer { try? FileManager.default.removeItem(at: url) }
            try await file.write(writer)
        }
        let headers: HTTPFields = [
            .contentType: format.contentType,
            .contentDisposition: ContentDisposition.attachment(filename: name),
            .cacheControl: "no-store",
        ]
        return Response(status: .ok, headers: headers, body: body)
    }

    /// `项目库-2026-12-06.xlsx`, or `月报-2026年11月.csv` for a list of one month (not `dated`).
    static func fileName(_ stem: String, dated: Bool, format: SpreadsheetFormat) -> String {
        (dated ? "\(stem)-\(today())" : stem) + "." + format.rawValue
    }

    /// Today in the county's time zone, `YYYY-MM-DD`.
    static func today() -> String {
        let now = LocalDateTime(Date())
        return DateSerial.iso(year: now.year, month: now.month, day: now.day)
    }
}
