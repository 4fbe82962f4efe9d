import Hummingbird

/// Answers 413 from a `Content-Length` above the body limit before any of the body is read, and
/// asks for the connection to close (the server then closes it instead of draining the body).
struct DeclaredLengthMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength], UInt64(declared).map({ $0 > UInt64(context.maxUploadSize) }) ?? false {
            throw Problem(.contentTooLarge, detail: ProblemMiddleware<Context>.detail(for: .contentTooLarge), headers: [.connection: "close"])
        }
        return try await next(request, context)
    }
}
