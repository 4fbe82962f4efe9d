import Postgres
import ServiceLifecycle
import Store

/// Keeps the connection pools open while the server runs and closes them after the server has
/// stopped (services shut down in reverse order, so in-flight requests still have connections).
/// With standbys it also checks their state and lag every second until shutdown.
struct PoolService: Service {
    let database: Database

    func run() async throws {
        if let replicas = database.replicas {
            await cancelWhenGracefulShutdown { await replicas.monitor(primary: database.pool) }
            await replicas.shutdown()
        } else {
            try? await gracefulShutdown()
        }
        await database.pool.shutdown()
    }
}
