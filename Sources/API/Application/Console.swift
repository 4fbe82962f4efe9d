import Hummingbird

/// The web console: the static files of `Public/` (or the configured folder) served at `/`,
/// revalidated by ETag on every load (no build step fingerprints them), with the security headers
/// of `ConsoleSecurityHeaders` on every response.
enum Console {
    /// Serves `folder` for any GET the route table does not answer (`/` → `index.html`).
    static func files<Context: RequestContext>(in folder: String, context: Context.Type) -> FileMiddleware<Context, LocalFileSystem> {
        FileMiddleware(
            folder,
            cacheControl: .init([
                (MediaType.text, [.noCache]),
                (MediaType.application, [.noCache]),
                (MediaType.image, [.maxAge(3600)]),
            ]),
            searchForIndexHtml: true
        )
    }
}

/// Security headers for every response: the console's pages run only their own scripts and
/// styles (no inline script, no `eval`, no inline style), are never framed, and browsers do not
/// guess content types.
struct ConsoleSecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
            + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A response with its own policy keeps it (an attachment's content is sandboxed).
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.policy }
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        return response
    }
}

extension HTTPFields.Element.Name {
    static var xFrameOptions: Self { Self("X-Frame-Options")! }
    static var referrerPolicy: Self { Self("Referrer-Policy")! }
}
