import Assessment
import Campaign
import Logging
import Postgres
import Store

/// The demo county's finished periods, ranked and published as the county would have done by now,
/// so the ranking board of a fresh demo is not empty.
///
/// Nothing is made up: the runs are the ones the campaign calendar has made due by `today`
/// (`AssessmentSchedule`, as a worker with its schedule on queues them), computed by the
/// assessment worker's own code from the loaded reports, then published (done → published).
public enum DemoRankings {
    /// A published run: its id, year and period.
    public struct Published: Sendable, Equatable {
        public var id: Int64
        public var year: Int
        public var period: Period
    }

    /// Queues the runs due by `today`, computes them and publishes each one that is done.
    /// - Parameter database: the owner's (superuser's) connections, as the demo loads with.
    /// - Returns: the published runs, oldest first.
    public static func publishFinishedPeriods(
        database: Database, today: CalendarDate, scheme: AssessmentScheme, logger: Logger
    ) async throws -> [Published] {
        let worker = AssessmentWorker(
            database: database, options: .init(name: "demo", schedule: true, defaultScheme: scheme, today: { today }),
            logger: logger)
        try await worker.catchUp()
        return try await database.pool.withTransaction { connection in
            let runs = try AssessmentRunQueries.list(year: nil, period: nil, limit: 100, offset: 0, on: connection).items
            return try runs.filter { $0.status == .done }.reversed().compactMap { run in
                try AssessmentRunQueries.publish(id: run.id, on: connection).map {
                    Published(id: $0.id, year: $0.year, period: $0.period)
                }
            }
        }
    }
}
