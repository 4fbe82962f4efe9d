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
    /// What a `multipart/form-data` body may carry beside its file (boundaries, part headers).
    static let form = 64 << 10

    /// The limit of the route `request` is for: an attachment by its media type (JPEG, PNG,
    /// WebP, PDF: no other route takes these) or its path, an import by its path, else a JSON
    /// body; a `multipart/form-data` body may add `form` to its file.
    static func bytes(for request: Request) -> Int {
        bytes(for: request.uri.path, contentType: request.headers[.contentType])
    }

    /// The limit of a request to `path` with that `Content-Type` header, as `bytes(for:)`.
    static func bytes(for path: String, contentType: String?) -> Int {
        let overhead = MultipartFile.boundary(contentType: contentType) == nil ? 0 : form
        if contentType.flatMap(AttachmentType.init(mediaType:)) != nil || path.hasSuffix("/attachments") {
            return attachment + overhead
        }
        return path.hasPrefix("/api/v1/imports/") ? imports + overhead : json
    }

    /// 413 stating `bytes` (whole MiB) as the limit, by `code`; the connection is closed after it.
    static func problem(_ bytes: Int, code: MessageCode = .bodyTooLarge) -> Problem {
        Problem(.contentTooLarge, code, ["mib": "\(bytes >> 20)"], headers: [.connection: "close"])
    }
}
