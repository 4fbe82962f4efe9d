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
            let writer = try format.makeWriter()
            try export.write(to: writer, on: connection)
            return try writer.finish()
        }
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
            .contentDisposition: "attachment; filename=\"\(export.name)-\(today()).\(format.rawValue)\"",
            .cacheControl: "no-store",
        ]
        return Response(status: .ok, headers: headers, body: body)
    }

    /// Today in the county's time zone, `YYYY-MM-DD`.
    static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return DateSerial.iso(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
