import Postgres

extension ReplicaSet {
    /// Checks the standbys every `interval` until the task is cancelled.
    public func monitor(primary: ConnectionPool, every interval: Duration = .seconds(1)) async {
        while !Task.isCancelled {
            await refresh(primary: primary)
            try? await Task.sleep(for: interval)
        }
    }

    /// Asks the primary how far it has written and every standby how far it has replayed, and
    /// sets each standby's state; forgets write positions too old to matter.
    public func refresh(primary: ConnectionPool) async {
        let written = try? await primary.withConnection { try ReplicationQueries.writePosition(on: $0) }
        for replica in replicas {
            let report = try? await replica.pool.withConnection { try ReplicationQueries.standbyReport(on: $0) }
            let status = report.map { Self.status(of: $0, primaryAt: written, maxLag: maxLag) } ?? Status(state: .down)
            statuses.withLock { $0[replica.index] = status }
        }
        // A standby further behind than the lag bound is skipped, so older writes need no waiting.
        let horizon = ContinuousClock.now - max(maxLag * 2, .seconds(60))
        positions.withLock { positions in positions = positions.filter { $0.value.at > horizon } }
    }

    /// A standby's status from its report: lag in bytes behind the primary's position and, when
    /// behind, the age of the last transaction it replayed.
    static func status(of report: ReplicationQueries.StandbyReport, primaryAt written: WALPosition?, maxLag: Duration) -> Status {
        guard report.inRecovery, let replayed = report.replayed else { return Status(state: .notStandby) }
        let lagBytes = written.map { $0 > replayed ? $0.offset - replayed.offset : 0 }
        let lagSeconds = lagBytes.map { $0 == 0 ? 0 : max(0, report.replayAge ?? 0) }
        let lagging = (lagSeconds ?? 0) > Double(maxLag.components.seconds)
        return Status(state: lagging ? .lagging : .streaming, replayed: replayed, lagBytes: lagBytes, lagSeconds: lagSeconds)
    }
}
