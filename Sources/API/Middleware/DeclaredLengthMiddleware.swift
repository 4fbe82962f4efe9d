import Campaign
import Hummingbird

/// Answers 413 from a `Content-Length` above the body limit before any of the body is read, and
/// asks for the connection to close (the server then closes it instead of draining the body).
struct DeclaredLengthMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // An attachment's file (JPEG, PNG, WebP, PDF: no other route takes these) has its own limits,
        // which its route checks against the declared length in the same way.
        let isAttachment = request.headers[.contentType].flatMap(AttachmentType.init(mediaType:)) != nil
        // A spreadsheet import may be up to 20 MiB (`Upload.limit`); every other body 1 MiB.
        let limit = request.uri.path.hasPrefix("/api/v1/imports/") ? Upload.limit : context.maxUploadSize
        if !isAttachment, let declared = request.headers[.contentLength],
           UInt64(declared).map({ $0 > UInt64(limit) }) ?? false {
            throw Problem(.contentTooLarge, .bodyTooLarge, headers: [.connection: "close"])
        }
        return try await next(request, context)
    }
}
