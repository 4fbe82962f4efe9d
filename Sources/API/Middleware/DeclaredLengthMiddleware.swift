import Campaign
import Hummingbird

/// Answers 413 from a `Content-Length` above the body limit before any of the body is read, and
/// asks for the connection to close (the server then closes it instead of draining the body).
/// Each route's limit is `BodyLimit`'s.
struct DeclaredLengthMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Nothing to check without a declared length (every GET); an attachment's route checks
        // its declared length itself, against its project's quota too.
        guard let declared = request.headers[.contentLength] else { return try await next(request, context) }
        let contentType = request.headers[.contentType]
        if contentType.flatMap(AttachmentType.init(mediaType:)) == nil {
            let limit = BodyLimit.bytes(for: request.uri.path, contentType: contentType)
            if UInt64(declared).map({ $0 > UInt64(limit) }) ?? false { throw BodyLimit.problem(limit) }
        }
        return try await next(request, context)
    }
}
