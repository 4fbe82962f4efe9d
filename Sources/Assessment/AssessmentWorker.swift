import Campaign
import Foundation
import Logging
import Postgres
import ServiceLifecycle
import Store

/// The assessment worker as a service: claims queued runs and computes them until shut down,
/// and scans for reminders (`scanReminders`) on start and then every `Options.reminders`.
///
/// Several workers may run at once: a claim skips runs another worker holds, a lease renewed by
/// a heartbeat marks a run as alive, and a run whose lease expired is taken over. The results
/// are written in the transaction that marks the run done, after checking that the claim is
/// still this worker's, so each run is computed exactly once and never half-written.
public struct AssessmentWorker: Service {
    /// How the worker behaves.
    public struct Options: Sendable {
        /// This worker's name in `claimed_by`; unique per process.
        public var name: String
        /// The longest wait between looks for work when no notification arrives.
        public var poll: Duration
        /// How long a claim lives without a heartbeat.
        public var lease: Duration
        /// Whether to queue the calendar's runs (`AssessmentSchedule`).
        public var schedule: Bool
        /// The scheme of a year that has none stored.
        public var defaultScheme: AssessmentScheme
        /// How often to scan for reminders (`scanReminders`), first on start; nil: never.
        public var reminders: Duration?
        /// Behind plan below this ratio to date (the county's setting).
        public var behindRatio: Decimal
        /// The county's day for the reminder scan and the schedule; nil: the database's clock
        /// (tests and the demo inject one).
        public var today: (@Sendable () -> CalendarDate)?

        public init(
            name: String = AssessmentWorker.defaultName(), poll: Duration = .seconds(30), lease: Duration = .seconds(60),
            schedule: Bool = false, defaultScheme: AssessmentScheme = .default, reminders: Duration? = nil,
            behindRatio: Decimal = PlanDefaults.behindRatio, today: (@Sendable () -> CalendarDate)? = nil
        ) {
            self.name = name
            self.poll = poll
            self.lease = lease
            self.schedule = schedule
            self.defaultScheme = defaultScheme
            self.reminders = reminders
            self.behindRatio = behindRatio
            self.today = today
        }
    }

    let database: Database
    let options: Options
    let logger: Logger

    public init(database: Database, options: Options = Options(), logger: Logger) {
        self.database = database
        self.options = options
        self.logger = logger
    }

    /// `host:pid:random`, unique per worker.
    public static func defaultName() -> String {
        let host = ProcessInfo.processInfo.hostName
        return "\(host):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"
    }

    public func run() async throws {
        logger.info("assessment worker started", metadata: ["worker": "\(options.name)"])
        let listener = NotificationListener(url: database.pool.configuration.url, channel: "assessment_runs", logger: logger)
        defer { listener.close() }
        let stopping: @Sendable () -> Bool = { Task.isCancelled || Task.isShuttingDownGracefully }
        let clock = ContinuousClock()
        var lastScan: ContinuousClock.Instant?
        while !stopping() {
            do {
                if options.schedule { try await queueScheduledRuns() }
                if let interval = options.reminders, lastScan.map({ clock.now - $0 >= interval }) ?? true {
                    try await scanReminders()
                    lastScan = clock.now
                }
                while !stopping(), try await processNext() != nil {}
            } catch {
                logger.error("assessment worker could not reach the database; retrying", metadata: ["error": "\(error)"])
            }
            _ = await listener.wait(upTo: options.poll, shouldStop: stopping)
        }
        logger.info("assessment worker stopped")
    }

    /// Claims and computes one run; returns its id, or nil when there was nothing to do.
    @discardableResult
    public func processNext() async throws -> Int64? {
        let (name, lease) = (options.name, options.lease)
        guard let run = try await database.transaction(role: .worker, {
            try RunClaimQueries.claim(worker: name, lease: lease, on: $0)
        }) else { return nil }
        let log = logger.with(run)
        log.info("assessment run claimed")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await heartbeat(run) }
            defer { group.cancelAll() }
            try await compute(run, logger: log)
        }
        return run.id
    }

    /// Computes `run` and writes it; a failure is recorded on the run, unless the database was
    /// unreachable (then the lease runs out and another worker takes the run over).
    func compute(_ run: ClaimedRun, logger: Logger) async throws {
        do {
            let inputs = try await gather(run)
            let outcome = Scoring.assess(inputs.input)
            if try await finish(run, outcome: outcome, inputs: inputs) {
                logger.info("assessment run done")
            } else {
                logger.warning("assessment run was taken over by another worker; its results were discarded")
            }
        } catch let error as PostgresError where error.kind != .server && error.kind != .decoding {
            logger.error("assessment run interrupted; another worker will take it over", metadata: ["error": "\(error)"])
            throw error
        } catch {
            let reason = Self.reason(error)
            let name = options.name
            let recorded = try await database.transaction(role: .worker) {
                try RunClaimQueries.fail(run: run.id, worker: name, reason: reason, on: $0)
            }
            logger.error("assessment run failed", metadata: ["reason": "\(reason)", "recorded": "\(recorded)"])
        }
    }

    /// Reads the run's inputs in one consistent snapshot.
    func gather(_ run: ClaimedRun) async throws -> RunInputs {
        let scheme = options.defaultScheme
        return try await database.transaction(role: .worker, isolation: .repeatableRead, readOnly: true) { connection in
            try RunComputation.inputs(for: run, defaultScheme: scheme, on: connection)
        }
    }

    /// Writes the outcome and marks the run done, if the claim is still ours; false otherwise.
    func finish(_ run: ClaimedRun, outcome: AssessmentOutcome, inputs: RunInputs) async throws -> Bool {
        let (name, json) = (options.name, try inputs.json())
        return try await database.transaction(role: .worker) { connection in
            guard try RunClaimQueries.lockOwned(run: run.id, worker: name, on: connection) else { return false }
            try AssessmentResultQueries.record(outcome, inputsJSON: json, run: run.id, on: connection)
            return true
        }
    }

    /// Renews the lease every third of its length until cancelled or the run is lost.
    func heartbeat(_ run: ClaimedRun) async throws {
        let (name, lease) = (options.name, options.lease)
        while !Task.isCancelled {
            try await Task.sleep(for: lease / 3)
            let kept = try await database.transaction(role: .worker) {
                try RunClaimQueries.heartbeat(run: run.id, worker: name, lease: lease, on: $0)
            }
            if !kept { return }
        }
    }

    /// Queues the runs the calendar says are due, then computes every queued run; returns once
    /// none is left (the demo uses it to rank the periods that have already ended).
    public func catchUp() async throws {
        try await queueScheduledRuns()
        while try await processNext() != nil {}
    }

    /// Queues the runs the calendar says are due (`AssessmentSchedule`).
    func queueScheduledRuns() async throws {
        let (scheme, clock) = (options.defaultScheme, options.today)
        let queued = try await database.transaction(role: .worker) { connection in
            try AssessmentSchedule.queueDue(
                today: clock?() ?? AssessmentSchedule.today(on: connection), defaultScheme: scheme, on: connection)
        }
        for item in queued {
            logger.info("scheduled assessment run queued", metadata: ["year": "\(item.year)", "period": "\(item.period.rawValue)"])
        }
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case let failure as RunFailure: failure.description
        case let error as PostgresError:
            "the database refused a statement (SQLSTATE \(error.sqlState ?? "unknown")\(error.constraint.map { ", \($0)" } ?? ""))"
        default: "unexpected error: \(error)"
        }
    }
}

extension Logger {
    func with(_ run: ClaimedRun) -> Logger {
        var logger = self
        logger[metadataKey: "run"] = "\(run.id)"
        logger[metadataKey: "period"] = "\(run.year) \(run.period.rawValue)"
        return logger
    }
}
