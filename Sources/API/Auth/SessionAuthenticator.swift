import Hummingbird
import Postgres
import Store

/// Reads `Authorization: Bearer <token>` and, when the token names a live session, sets the
/// context's identity. Requests without a token pass on unauthenticated; routes that need a user
/// use `AuthenticatedContext`, which answers 401 without one. Looked-up users are kept in the
/// server's `SessionCache` for a few seconds (revoked on every server as sessions end).
struct SessionAuthenticator: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: Database
    let sessions: SessionCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        guard let token = Self.bearerToken(header), !token.isEmpty, token.count <= 200 else {
            throw Problem(.unauthorized, .authorizationMalformed)
        }
        guard let user = try await user(token: token) else {
            throw Problem(.unauthorized, .tokenExpired)
        }
        var context = context
        context.identity = SessionIdentity(user: user, token: token)
        return try await next(request, context)
    }

    /// The token of `Bearer <token>` (the scheme in any case), without the spaces and tabs around
    /// it; nil for another scheme. Read from the header's bytes: it runs on every request.
    static func bearerToken(_ header: String) -> String? {
        let bytes = header.utf8
        guard bytes.count >= 7,
              bytes.prefix(7).elementsEqual("bearer ".utf8, by: { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 })
        else { return nil }
        let blank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        var start = bytes.index(bytes.startIndex, offsetBy: 7), end = bytes.endIndex
        while start < end, blank(bytes[start]) { bytes.formIndex(after: &start) }
        while start < end, blank(bytes[bytes.index(before: end)]) { bytes.formIndex(before: &end) }
        return String(header[start..<end])
    }

    /// The token's user from the session cache, or looked up and then cached.
    private func user(token: String) async throws -> UserSummary? {
        if let cached = sessions.user(token: token) { return cached }
        let ticket = sessions.ticket()
        // One statement, outside a transaction: the lookup is a SECURITY DEFINER function.
        let lookup: @Sendable (Connection) throws -> UserSummary? = { try SessionQueries.user(token: token, on: $0) }
        if let ticket {
            // What is cached comes from the primary only: a standby that has not yet replayed a
            // sign-out or a change of the user would be remembered long after it caught up.
            let user = try await database.pool.withConnection(lookup)
            if let user { sessions.store(user, token: token, ticket: ticket) }
            return user
        }
        // Without the cache a read may ask its standby; a session signed in a moment ago may not
        // have arrived there yet: then ask the primary.
        var user = try await database.withConnection(lookup)
        if user == nil, Database.readIntent != nil { user = try await database.pool.withConnection(lookup) }
        return user
    }
}

/// The signed-in user as every authenticated handler receives it.
public struct SessionIdentity: Sendable {
    public var user: UserSummary
    /// The bearer token, kept only to end this session on sign-out; never logged.
    var token: String

    /// The caller for row-level security.
    public var caller: Caller { user.caller }
}
