import Campaign
import Foundation
import Hummingbird

/// Query and path parameters are text from the client like a body's strings: one that holds NUL
/// (which PostgreSQL `text` cannot store) is answered 422 naming the parameter, once here for
/// every route rather than in each controller. Runs after routing, so path parameters are known.
struct ParameterTextMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var validator = Validator()
        for (name, value) in request.uri.queryParameters {
            validator.rejectNUL(String(value), field: String(name))
        }
        for (name, value) in context.parameters {
            // only an escaped parameter can hide NUL (as %00)
            guard value.contains("%") else { continue }
            validator.rejectNUL(String(value).removingPercentEncoding ?? String(value), field: String(name))
        }
        if !validator.isValid { throw Problem.invalid(validator.errors) }
        return try await next(request, context)
    }
}
