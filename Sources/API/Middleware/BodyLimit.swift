import Campaign
import Hummingbird

/// The largest body each route takes, and the 413 that names it: spreadsheet imports 20 MiB,
/// attachments 10 MiB (and what their project's quota has left), every other body 1 MiB. A 413
/// closes the connection, so the rest of a body too large is never waited for.
enum BodyLimit {
    /// Spreadsheet imports (`/api/v1/imports/…`).
    static let imports = 20 << 20
    /// An attachment's file.
    static let attachment = 10 << 20
    /// A JSON body.
    static let json = 1 << 20

    /// The limit of the route `request` is for: an attachment by its media type (JPEG, PNG,
    /// WebP, PDF: no other route takes these), an import by its path, else a JSON body.
    static func bytes(for request: Request) -> Int {
        if request.headers[.contentType].flatMap(AttachmentType.init(mediaType:)) != nil { return attachment }
        return request.uri.path.hasPrefix("/api/v1/imports/") ? imports : json
    }

    /// 413 stating `bytes` (whole MiB) as the limit; the connection is closed after it.
    static func problem(_ bytes: Int, advice: String = "请拆分或压缩后重新发送") -> Problem {
        Problem(.contentTooLarge, detail: "请求体超过本接口的上限 \(bytes >> 20) MiB；\(advice)", headers: [.connection: "close"])
    }
}
