import Campaign
import Postgres

/// A run a worker has claimed: what to compute.
public struct ClaimedRun: Sendable, Equatable {
    public var id: Int64
    public var year: Int
    public var period: Period

    public init(id: Int64, year: Int, period: Period) {
        self.id = id
        self.year = year
        self.period = period
    }
}

/// The worker's side of a run's life cycle: claim, heartbeat, lock for the final write, fail.
/// Every statement after the claim checks that the claim is still this worker's, so a run taken
/// over by another worker (its lease expired) is never written by the one that lost it.
public enum RunClaimQueries {
    /// Claims the oldest queued run, or a running one whose lease expired (its worker died),
    /// skipping rows other workers hold locked; nil if there is none.
    public static func claim(worker: String, lease: Duration, on connection: Connection) throws -> ClaimedRun? {
        try connection.query("""
            UPDATE app.assessment_runs r
               SET status = 'running', claimed_by = \(worker), started_at = now(), error = NULL,
                   lease_expires_at = now() + make_interval(secs => \(seconds(lease)))
             WHERE r.id = (SELECT c.id FROM app.assessment_runs c
                            WHERE c.status = 'queued' OR (c.status = 'running' AND c.lease_expires_at < now())
                            ORDER BY c.id LIMIT 1
                              FOR UPDATE SKIP LOCKED)
            RETURNING r.id, r.year, r.period
            """).first.map { row in
            ClaimedRun(id: try row.decode("id"), year: try row.decode("year"), period: try row.decode("period"))
        }
    }

    /// Extends the lease; false if the run is no longer this worker's.
    public static func heartbeat(run: Int64, worker: String, lease: Duration, on connection: Connection) throws -> Bool {
        try connection.execute("""
            UPDATE app.assessment_runs SET lease_expires_at = now() + make_interval(secs => \(seconds(lease)))
             WHERE id = \(run) AND claimed_by = \(worker) AND status = 'running'
            """) == 1
    }

    /// Locks the run for the final write if it is still this worker's; false otherwise.
    public static func lockOwned(run: Int64, worker: String, on connection: Connection) throws -> Bool {
        try connection.query("""
            SELECT id FROM app.assessment_runs WHERE id = \(run) AND claimed_by = \(worker) AND status = 'running'
               FOR UPDATE
            """).count == 1
    }

    /// Records why the run failed, if it is still this worker's.
    @discardableResult
    public static func fail(run: Int64, worker: String, reason: String, on connection: Connection) throws -> Bool {
        try connection.execute("""
            UPDATE app.assessment_runs
               SET status = 'failed', error = \(reason), finished_at = clock_timestamp(), lease_expires_at = NULL
             WHERE id = \(run) AND claimed_by = \(worker) AND status = 'running'
            """) == 1
    }

    /// Queues the calendar's run of `year` and `period` (marked `scheduled`, unique per year and
    /// period) if the year has targets and it is not queued yet; true if this call queued it.
    public static func queueScheduled(year: Int, period: Period, on connection: Connection) throws -> Bool {
        try connection.execute("""
            INSERT INTO app.assessment_runs (year, period, scheduled)
            SELECT \(year), \(period.rawValue), true
             WHERE exists (SELECT 1 FROM app.targets WHERE year = \(year) AND amount > 0)
                ON CONFLICT (year, period) WHERE scheduled DO NOTHING
            """) == 1
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
