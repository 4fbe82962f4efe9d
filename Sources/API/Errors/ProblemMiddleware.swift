import Campaign
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import Postgres

/// Turns every error into a problem+json response: our own problems as they are, database
/// errors through `DatabaseErrorMapping`, Hummingbird's HTTP errors by their status, and
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
        } catch let error as HTTPParserError {
            // the client sent a broken body (bad chunk, connection cut mid-body): its mistake, not ours
            context.logger.info("malformed request", metadata: ["error": "\(error)"])
            return try Problem(.badRequest, .malformedRequest, ["reason": "\(error)"]).response(from: request, context: context)
        } catch let error as HTTPError {
            return try Problem(error.status, Self.code(for: error.status), headers: error.headers).response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return try Problem(.internalServerError, .internalError).response(from: request, context: context)
        }
    }

    /// The catalogue code of an HTTP error that Hummingbird raised by its status.
    static func code(for status: HTTPResponse.Status) -> MessageCode {
        switch status {
        case .notFound: .routeNotFound
        case .contentTooLarge: .bodyTooLarge
        case .methodNotAllowed: .methodNotAllowed
        case .unauthorized: .signInRequired
        case .serviceUnavailable: .databaseUnavailable
        case _ where status.code >= 500: .internalError
        default: .badRequest
        }
    }
}
