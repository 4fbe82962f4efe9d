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
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.log(level: level, "request", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(Self.template(context.endpointPath)),
            "status": .stringConvertible(response.status.code),
            "duration_ms": .string(String(format: "%.1f", milliseconds)),
        ])
        return response
    }

    /// The matched route, or a fixed word when none matched (a concrete path could carry data).
    static func template(_ endpoint: String?) -> String {
        guard let endpoint, endpoint.hasPrefix("/") else { return "(no route)" }
        return endpoint
    }
}
