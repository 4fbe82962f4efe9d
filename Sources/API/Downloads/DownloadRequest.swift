import Campaign
import Hummingbird
import Spreadsheet

/// Whether a list request asks for a spreadsheet: `?format=xlsx|csv` (or `json`), else an
/// `Accept` naming a spreadsheet type and not JSON.
enum DownloadRequest {
    static func format(_ request: Request) throws -> SpreadsheetFormat? {
        if let text = request.uri.queryParameters["format"] {
            if text == "json" { return nil }
            guard let format = SpreadsheetFormat(rawValue: String(text)) else {
                throw Problem.invalid([FieldError(field: "format", .notAChoice, ["allowed": "json, xlsx, csv", "value": String(text.prefix(40))])])
            }
            return format
        }
        guard let accept = request.headers[.accept], !accept.contains("application/json") else { return nil }
        return SpreadsheetFormat.allCases.first { accept.contains($0.contentType.split(separator: ";")[0]) }
    }
}
