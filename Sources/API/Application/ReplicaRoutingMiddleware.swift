import Campaign
import HTTPTypes
import Hummingbird
import Metrics
import Postgres
import Store

/// Sends read-only requests (GET, HEAD) to a streaming standby and keeps reads consistent with a
/// session's own writes: after a successful write by a signed-in session it takes the primary's
/// write-ahead-log position, answers it in `X-Commit-LSN` and remembers it for the session's
/// token; the session's later reads wait (bounded) for a standby to replay it, or use the primary.
/// Only installed when standbys are configured.
struct ReplicaRoutingMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let commitPosition = HTTPField.Name("X-Commit-LSN")!
    let database: Database
    let replicas: ReplicaSet

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let token = Self.bearerToken(request)
        if request.method == .get || request.method == .head {
            let intent = ReadIntent(after: token.flatMap(replicas.lastWrite(of:)))
            return try await Database.$readIntent.withValue(intent) { try await next(request, context) }
        }
        var response = try await next(request, context)
        // The write is committed: failing to read the position must not fail the request (the
        // session's next reads then see the standby's state, as other sessions do).
        if let token, (200..<300).contains(response.status.code),
           let position = try? await database.pool.withConnection({ try ReplicationQueries.insertPosition(on: $0) }) {
            replicas.remember(position, for: token)
            response.headers[Self.commitPosition] = position.description
        }
        return response
    }

    /// The bearer token as sent; `SessionAuthenticator` decides whether it is valid.
    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return nil }
        let token = header.dropFirst(7).trimmingSpaces()
        return token.isEmpty ? nil : token
    }
}

extension ReplicaSet.Event {
    /// Records the event with swift-metrics (Prometheus in the server).
    @Sendable public static func record(_ event: ReplicaSet.Event) {
        switch event {
        case .routed(let toReplica):
            Counter(label: "db_reads_total", dimensions: [("target", toReplica ? "replica" : "primary")]).increment()
        case .waited(let duration, let caughtUp):
            Metrics.Timer(label: "db_replica_read_your_writes_wait", dimensions: [("caught_up", String(caughtUp))])
                .recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
        }
    }
}
