import Postgres
@testable import Store
import Testing

/// How the server judges a standby from what it and the primary report, and how it names one.
@Suite struct ReplicaSetTests {
    typealias Report = ReplicationQueries.StandbyReport

    @Test func aStandbyIsUsedOnlyWhileStreamingWithinTheLagBound() {
        let primary = WALPosition(offset: 10_000)
        func state(_ report: Report, _ written: WALPosition? = primary) -> ReplicaSet.Status {
            ReplicaSet.status(of: report, primaryAt: written, maxLag: .seconds(5))
        }
        let caughtUp = state(Report(inRecovery: true, replayed: primary, replayAge: 3600))
        #expect(caughtUp == .init(state: .streaming, replayed: primary, lagBytes: 0, lagSeconds: 0))
        let behind = state(Report(inRecovery: true, replayed: WALPosition(offset: 9_000), replayAge: 2))
        #expect(behind.state == .streaming && behind.lagBytes == 1_000 && behind.lagSeconds == 2)
        #expect(state(Report(inRecovery: true, replayed: WALPosition(offset: 9_000), replayAge: 6)).state == .lagging)
        #expect(state(Report(inRecovery: false, replayed: nil, replayAge: nil)).state == .notStandby)
        #expect(state(Report(inRecovery: true, replayed: primary, replayAge: nil), nil).state == .streaming)
    }

    @Test func namesHideUsersAndPasswords() {
        #expect(ReplicaSet.name(of: "postgresql://app:secret@db-2:5432/projectyear?sslmode=require") == "db-2:5432/projectyear")
        #expect(ReplicaSet.name(of: "postgresql://localhost:54330/projectyear") == "localhost:54330/projectyear")
    }
}
