import Hummingbird
import Logging
import NIOCore
import Postgres

/// Turns every error into a problem+json response: our own problems as they are, database
/// errors through `DatabaseErrorMapping`, Hummingbird's HTTP errors with their status, and
/// anything else into a 500 whose details go to the log only.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch let error as PostgresError {
            let problem = DatabaseErrorMapping.problem(for: error)
            if problem.status.code >= 500 {
                context.logger.error("database error", metadata: ["error": "\(error)"])
            }
            return try problem.response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            return try BodyLimit.problem(BodyLimit.bytes(for: request)).response(from: request, context: context)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return try BodyLimit.problem(BodyLimit.bytes(for: request)).response(from: request, context: context)
        } catch let error as HTTPError {
            let detail = error.body ?? Self.detail(for: error.status)
            return try Problem(error.status, detail: detail, headers: error.headers).response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return try Problem(.internalServerError, detail: "an unexpected error occurred; it has been logged")
                .response(from: request, context: context)
        }
    }

    static func detail(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "no such resource; see /api/v1/openapi.json for the routes"
        case .methodNotAllowed: "this method is not allowed on this resource"
        default: status.reasonPhrase
        }
    }
}
