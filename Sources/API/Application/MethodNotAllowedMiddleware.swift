import Hummingbird

/// A known path asked with a method it does not have (TRACE, OPTIONS, any other) answers 405
/// with `Allow`, not 404. The paths and their methods come from the route table; a concrete
/// path falls under the template the router would pick (a literal segment before a parameter).
/// HEAD is allowed wherever GET is (the router answers it from the GET handler).
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Each path template's segments (nil for a parameter) and its methods.
    let templates: [(segments: [Substring?], methods: Set<HTTPRequest.Method>)]

    init(routes: [APIRoute], prefix: String = "api/v1") {
        templates = Dictionary(grouping: routes, by: \.path).map { path, routes in
            let segments = (prefix + "/" + path).split(separator: "/").map { $0.hasPrefix(":") ? nil : $0 }
            return (segments, Set(routes.map(\.method)))
        }
    }

    /// Looks at the route table only when the request failed (the router answers a method a path
    /// lacks as not found): a request that has its route pays nothing for the scan.
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            guard let methods = methods(for: request.uri.path) else { throw error }
            let allowed = Self.order.filter { methods.contains($0) || ($0 == .head && methods.contains(.get)) }
            guard !allowed.contains(request.method) else { throw error }
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            throw Problem(.methodNotAllowed, .methodNotAllowed, ["method": request.method.rawValue, "allow": allow], headers: [.allow: allow])
        }
    }

    static var order: [HTTPRequest.Method] { [.get, .head, .post, .put, .patch, .delete] }

    /// The methods of the template that `path` falls under, if any.
    func methods(for path: String) -> Set<HTTPRequest.Method>? {
        let parts = path.split(separator: "/")
        let matching = templates.filter { template in
            template.segments.count == parts.count && zip(template.segments, parts).allSatisfy { $0 == nil || $0 == $1 }
        }
        // The router prefers a literal segment to a parameter, from the left.
        return matching.min { lhs, rhs in
            let left = lhs.segments.map { $0 == nil }, right = rhs.segments.map { $0 == nil }
            return zip(left, right).first { $0 != $1 }.map { !$0.0 } ?? false
        }?.methods
    }
}
