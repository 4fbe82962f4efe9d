import Postgres
import ServiceLifecycle

/// Keeps the connection pool open while the server runs and closes it after the server has
/// stopped (services shut down in reverse order, so in-flight requests still have connections).
struct PoolService: Service {
    let pool: ConnectionPool

    func run() async throws {
        try? await gracefulShutdown()
        await pool.shutdown()
    }
}
