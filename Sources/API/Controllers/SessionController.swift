import Campaign
import Foundation
import Hummingbird
import HummingbirdBcrypt
import Prometheus
import Store

/// Sign-in (`POST /sessions`), sign-out (`DELETE /sessions/current`) and `GET /me`.
struct SessionController: APIController {
    let database: Database
    /// Forgets a signed-out token here at once (other servers hear the announcement).
    let sessions: SessionCache
    let sessionLifetime: Duration
    let policy: SignInPolicy
    let clientAddress: ClientAddress
    /// Addresses waiting across usernames, answered 429 without the database.
    let addressWaits = AddressWaits()
    /// Passwords checked with bcrypt, by whether the username exists (`user="known"|"unknown"`).
    let passwordChecks: (known: Prometheus.Counter, unknown: Prometheus.Counter)
    /// A bcrypt hash verified when the username is unknown, at the cost real hashes have, so both
    /// cases take the same time.
    let decoyHash: String

    init(database: Database, sessions: SessionCache, sessionLifetime: Duration, policy: SignInPolicy, trustedProxies: Set<String>,
         metrics: PrometheusCollectorRegistry, passwordCost: UInt8 = PasswordHasher.cost) {
        self.database = database
        self.sessions = sessions
        self.decoyHash = PasswordHasher.decoy(cost: passwordCost)
        self.sessionLifetime = sessionLifetime
        self.policy = policy
        self.clientAddress = ClientAddress(trustedProxies: trustedProxies)
        func counter(_ user: String) -> Prometheus.Counter {
            metrics.makeCounter(descriptor: .init(
                namespace: "sign_in", metricName: "password_checks", unitName: "total",
                helpText: "Sign-in passwords checked with bcrypt, by whether the username exists"
            ), labels: [("user", user)])
        }
        self.passwordChecks = (counter("known"), counter("unknown"))
    }

    var routes: [APIRoute] {
        [
            APIRoute(public: .post, "sessions", "Sign in: a bearer token for a username and password", signIn)
                .documented(request: .ref("SignIn"), response: .ref("Session"), status: 201),
            APIRoute(.delete, "sessions/current", .signedIn, "Sign out: the token stops working", signOut)
                .documented(response: nil, status: 204),
            APIRoute(.get, "me", .signedIn, "The signed-in user") { _, context in try JSONResponse.make(context.identity.user) }
                .documented(response: .ref("User")),
        ]
    }

    /// Counts the attempt per username and client address *before* bcrypt runs (429 while that
    /// pair waits), then checks the password — against a decoy hash for an unknown username.
    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let username = body.string("username", maxLength: 64)
        let password = body.rawString("password")
        if password == nil, !body.present("password") { body.validator.add("password", .requiredPassword, ["min": "1"]) }
        try body.finish()
        guard let username, let password else { throw Problem.invalid(body.validator.errors) }

        let address = clientAddress.of(request, peer: context.peerAddress)
        if let wait = addressWaits.remaining(address) { throw Self.tooMany(wait, byAddress: true) }
        let (attempt, candidate) = try await database.transaction(role: .app) { [policy] connection in
            let attempt = try SessionQueries.beginSignIn(username: username, address: address, policy: policy, on: connection)
            return (attempt, attempt.allowed ? try SessionQueries.candidate(username: username, on: connection) : nil)
        }
        guard attempt.allowed else {
            if attempt.byAddress { addressWaits.wait(address, seconds: attempt.retryAfter) }
            throw Self.tooMany(attempt.retryAfter, byAddress: attempt.byAddress)
        }
        (candidate == nil ? passwordChecks.unknown : passwordChecks.known).increment()
        let hash = candidate?.passwordHash ?? decoyHash
        let matches = try await PasswordHasher.verify(password, hash: hash)
        guard let candidate, candidate.active, matches else {
            throw Problem(.unauthorized, .wrongCredentials)
        }
        let token = Self.newToken()
        let expiresAt = Date().addingTimeInterval(TimeInterval(sessionLifetime.components.seconds))
        try await database.transaction(role: .app) {
            try SessionQueries.signInSucceeded(username: username, address: address, on: $0)
            try SessionQueries.create(userID: candidate.user.id, token: token, expiresAt: expiresAt, on: $0)
        }
        return try JSONResponse.make(SessionCreated(token: token, expiresAt: expiresAt, user: candidate.user), status: .created)
    }

    @Sendable func signOut(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let token = context.identity.token
        try await database.transaction(role: .app) { try SessionQueries.delete(token: token, on: $0) }
        sessions.revoke(token: token)
        return Response(status: .noContent)
    }

    /// 429 with how long to wait, saying whether this username or the whole address waits.
    static func tooMany(_ seconds: Int, byAddress: Bool) -> Problem {
        Problem(.tooManyRequests, byAddress ? .signInThrottledAddress : .signInThrottled, ["seconds": "\(seconds)"],
                headers: [.retryAfter: String(seconds)])
    }

    /// 256 bits from the system's secure random source, base64url without padding.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// The 201 body of `POST /sessions`.
struct SessionCreated: JSONRecord {
    var token: String
    var expiresAt: Date
    var user: UserSummary

    static let members: [JSONMember<Self>] = [
        .text("token") { $0.token },
        .nested("user", component: "User") { $0.user },
        .timestamp("expires_at") { $0.expiresAt },
    ]
}
