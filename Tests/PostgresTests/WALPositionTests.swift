import Postgres
import Testing
import TestSupport

/// Write-ahead-log positions as PostgreSQL writes them (`pg_lsn`), in log order.
@Suite struct WALPositionTests {
    @Test func parsesPrintsAndOrdersLikePostgres() async throws {
        let position = try #require(WALPosition("16/B374D848"))
        #expect(position.offset == 0x16_B374_D848 && position.description == "16/B374D848")
        #expect(WALPosition("0/0")?.offset == 0)
        for bad in ["", "16", "16/", "G/1", "1/2/3", "100000000/0"] { #expect(WALPosition(bad) == nil, "\(bad)") }
        #expect(WALPosition("0/FFFFFFFF")! < WALPosition("1/0")!)
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            let row = try connection.query("SELECT \(position)::pg_lsn AS same, pg_current_wal_lsn() AS now, \(position)::pg_lsn + 1 AS next")[0]
            #expect(try row.decode("same", as: WALPosition.self) == position)
            #expect(try row.decode("next", as: WALPosition.self) == WALPosition(offset: position.offset + 1))
            _ = try row.decode("now", as: WALPosition.self)
        }
    }
}
