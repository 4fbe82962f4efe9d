import Logging
import ServiceLifecycle
import Store

/// The assessment worker as a service: claims queued runs and computes them until shut down.
public struct AssessmentWorker: Service {
    let database: Database
    let logger: Logger

    public init(database: Database, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func run() async throws {
        logger.info("assessment worker started")
        try? await gracefulShutdown()
        logger.info("assessment worker stopped")
    }
}
