import Postgres

/// Where the primary's write-ahead log is and how far a streaming standby has replayed it
/// (PostgreSQL's own replication functions; nothing is stored).
public enum ReplicationQueries {
    /// What a standby reports about itself.
    public struct StandbyReport: Sendable {
        /// False once the server was promoted (or was never a standby).
        public var inRecovery: Bool
        /// The last position replayed (nil on a server that is not in recovery).
        public var replayed: WALPosition?
        /// Seconds since the last replayed transaction committed on the primary.
        public var replayAge: Double?
    }

    /// The primary's current insert position: after a commit, at or past that commit's record.
    public static func insertPosition(on connection: Connection) throws -> WALPosition {
        try connection.query("SELECT pg_current_wal_insert_lsn() AS position")[0].decode("position")
    }

    /// The primary's position written so far, which standbys are measured against.
    public static func writePosition(on connection: Connection) throws -> WALPosition {
        try connection.query("SELECT pg_current_wal_lsn() AS position")[0].decode("position")
    }

    public static func standbyReport(on connection: Connection) throws -> StandbyReport {
        let row = try connection.query("""
            SELECT pg_is_in_recovery() AS in_recovery, pg_last_wal_replay_lsn() AS replayed,
                   extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS age
            """)[0]
        return StandbyReport(inRecovery: try row.decode("in_recovery"), replayed: try row.decode("replayed"), replayAge: try row.decode("age"))
    }

    /// True when the standby has replayed `position`.
    public static func hasReplayed(_ position: WALPosition, on connection: Connection) throws -> Bool {
        try connection.query("SELECT coalesce(pg_last_wal_replay_lsn() >= \(position)::pg_lsn, false) AS done")[0].decode("done")
    }

    /// Why the server this connection reaches cannot take writes (in recovery, or transactions
    /// read-only by default); nil when it can.
    public static func readOnlyReason(on connection: Connection) throws -> String? {
        let row = try connection.query("""
            SELECT pg_is_in_recovery() AS in_recovery, current_setting('transaction_read_only') = 'on' AS read_only
            """)[0]
        if try row.decode("in_recovery") as Bool { return "数据库仍在恢复中（只读），恢复结束并提升为主库后才能写入" }
        if try row.decode("read_only") as Bool { return "数据库只读（default_transaction_read_only），改为可写后才能就绪" }
        return nil
    }
}
