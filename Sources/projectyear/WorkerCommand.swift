import ArgumentParser
import Assessment
import Logging
import Postgres
import ServiceLifecycle
import Store

/// `projectyear worker`: computes queued assessment runs; several may run at once.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run the assessment worker (several may run at once; stops gracefully on SIGTERM/SIGINT)."
    )

    func run() async throws {
        try await reportingErrors {
            let settings = try await loadSettings()
            bootstrapLogging(settings.logLevel)
            let logger = Logger(label: "projectyear.worker")
            let pool = ConnectionPool(configuration: .init(url: settings.workerURL, maxConnections: 2))
            try await requireLeastPrivilege(pool, as: .worker, setting: "DATABASE_WORKER_URL")
            let options = AssessmentWorker.Options(
                poll: settings.workerPoll, lease: settings.workerLease, schedule: settings.workerSchedule,
                defaultScheme: try settings.loadDefaultScheme(), reminders: settings.workerReminders,
                behindRatio: settings.planBehindRatio)
            let worker = AssessmentWorker(database: Database(pool: pool), options: options, logger: logger)
            let group = ServiceGroup(
                configuration: .init(services: [worker], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            )
            try await group.run()
            await pool.shutdown()
        }
    }
}
