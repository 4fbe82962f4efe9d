import Foundation
import Hummingbird
import Postgres
import Store

/// Liveness, readiness and Prometheus metrics for operators and orchestrators.
struct HealthController {
    let dependencies: AppDependencies

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/health/live") { _, _ in HealthStatus(status: "live") }
        router.get("/health/ready", use: ready)
        router.get("/metrics", use: metrics)
    }

    /// 200 when the database answers, takes writes and has every migration applied, 503 otherwise
    /// (a primary still in recovery is not ready). Standbys are
    /// listed with their state and lag; one that is down does not make the server unready (reads
    /// then go to the primary).
    @Sendable func ready(_ request: Request, context: AppRequestContext) async throws -> Response {
        let migrator = dependencies.migrator
        var status: HealthStatus
        do {
            let (pending, readOnly) = try await dependencies.database.pool.withConnection {
                (try migrator.pending($0), try ReplicationQueries.readOnlyReason(on: $0))
            }
            if !pending.isEmpty {
                status = HealthStatus(status: "not ready", reason: "\(pending.count) migration(s) pending: run projectyear migrate")
            } else if let readOnly {
                status = HealthStatus(status: "not ready", reason: readOnly)
            } else {
                status = HealthStatus(status: "ready")
            }
        } catch {
            status = HealthStatus(status: "not ready", reason: "database unreachable")
        }
        status.replicas = dependencies.database.replicas?.status.map { replica, status in
            ReplicaHealth(name: replica.name, state: status.state.rawValue, lagBytes: status.lagBytes, lagSeconds: status.lagSeconds)
        }
        var response = try JSONEncoder().encode(status, from: request, context: context)
        response.status = status.status == "ready" ? .ok : .serviceUnavailable
        return response
    }

    /// The Prometheus text exposition, with the pool's gauges refreshed at scrape time.
    @Sendable func metrics(_ request: Request, context: AppRequestContext) async throws -> Response {
        let registry = dependencies.metrics
        let statistics = dependencies.database.pool.statistics
        registry.makeGauge(descriptor: .init(namespace: "db_pool", metricName: "connections", unitName: "open", helpText: "Database connections open")).set(Int64(statistics.open))
        registry.makeGauge(descriptor: .init(namespace: "db_pool", metricName: "connections", unitName: "in_use", helpText: "Database connections in use")).set(Int64(statistics.inUse))
        registry.makeGauge(descriptor: .init(namespace: "db_pool", metricName: "requests", unitName: "waiting", helpText: "Requests waiting for a database connection")).set(Int64(statistics.waiting))
        for (replica, status) in dependencies.database.replicas?.status ?? [] {
            let labels = [("replica", replica.name)]
            registry.makeGauge(descriptor: .init(namespace: "db_replica", metricName: "up", unitName: "state", helpText: "1 while the standby takes reads (streaming within the lag bound)"), labels: labels)
                .set(Int64(status.state == .streaming ? 1 : 0))
            registry.makeGauge(descriptor: .init(namespace: "db_replica", metricName: "lag", unitName: "bytes", helpText: "WAL bytes the standby has yet to replay"), labels: labels)
                .set(Int64(status.lagBytes ?? 0))
            registry.makeGauge(descriptor: .init(namespace: "db_replica", metricName: "lag", unitName: "seconds", helpText: "Seconds the standby is behind (0 when caught up)"), labels: labels)
                .set(status.lagSeconds ?? 0)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
        )
    }
}

/// The body of the health endpoints.
struct HealthStatus: ResponseEncodable {
    var status: String
    var reason: String?
    var replicas: [ReplicaHealth]?
}

/// A standby in `/health/ready`: `streaming`, `lagging`, `down`, `not_standby` or `unknown`.
struct ReplicaHealth: Codable {
    var name: String
    var state: String
    var lagBytes: UInt64?
    var lagSeconds: Double?

    enum CodingKeys: String, CodingKey {
        case name, state
        case lagBytes = "lag_bytes"
        case lagSeconds = "lag_seconds"
    }
}
