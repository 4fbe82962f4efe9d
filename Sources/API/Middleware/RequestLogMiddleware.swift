import Foundation
import Hummingbird
import Logging

/// Logs one line per request once its response is ready: the method, the route's path template
/// (`/api/v1/projects/{id}`, never the concrete path or its query), the status and the duration.
/// Bodies, query values and headers are never logged. It runs outermost, after `ProblemMiddleware`
/// has turned every error into a response, so failed requests are logged with their status.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let level: Logger.Level

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        context.logger.log(level: level, "request", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(Self.template(context.endpointPath)),
            "status": .stringConvertible(response.status.code),
            "duration_ms": .string(Self.milliseconds(elapsed)),
        ])
        return response
    }

    /// `elapsed` in milliseconds to one decimal ("12.3"), rounded half up, without Foundation's
    /// `String(format:)` (which goes through NSString on every request).
    static func milliseconds(_ elapsed: Duration) -> String {
        let (seconds, attoseconds) = elapsed.components
        let tenths = seconds * 10_000 + (attoseconds + 50_000_000_000_000) / 100_000_000_000_000
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The matched route, or a fixed word when none matched (a concrete path could carry data).
    static func template(_ endpoint: String?) -> String {
        guard let endpoint, endpoint.hasPrefix("/") else { return "(no route)" }
        return endpoint
    }
}
