@testable import API
import Campaign
import Foundation
import NIOCore
import Postgres
@testable import Store
import Testing
import TestSupport

/// `RecordRows` writes a project list page from libpq's text exactly as the records decoded
/// from the same rows write it: every byte, with text that needs escaping, amounts whose
/// PostgreSQL text has trailing zeros, absent optional values and instants with microseconds.
@Suite struct RecordRowsTests {
    /// Projects of awkward values, inserted as the superuser.
    static func seed(on connection: Connection) throws {
        let county = try CountyFixture.seed(on: connection)
        let rows: [(code: String, name: String, owner: String, industry: String?, total: String, land: String?, start: String?)] = [
            ("A-1", "余庆县\"智能\"制造\\项目", "", nil, "0", nil, nil),
            ("A-2", "换行\n制表\t回车\r控制\u{01}\u{1F}", "业主 😀 /路径/", "装备制造", "12345.60", "0.50", "2026-02-01"),
            ("A-3", "最大", "O", "", "9999999999.99", "100", "2026-12-31"),
            ("A-4", "小数", "O", nil, "0.01", "0.00", nil),
        ]
        for row in rows {
            try connection.execute("""
                INSERT INTO app.projects (code, name, owner, category, industry, stage, major, district_id, lead_department_id,
                    park_id, total_investment, planned_start, land_area, eia_class, green_channel, central_soe)
                VALUES (\(row.code), \(row.name), \(row.owner), 'industry', \(row.industry), 'preliminary', \(row.start != nil),
                    \(county.district1.id), \(row.industry == nil ? nil : county.industry.id), \(row.land == nil ? nil : county.park1),
                    \(row.total)::numeric, \(row.start)::date, \(row.land)::numeric, \(row.industry), \(row.land == nil), true)
                """)
        }
    }

    static func page(_ items: some Encodable, total: Int) throws -> String {
        String(buffer: try JSONStreamEncoder.encode(ListPage(items: items, total: total, paging: Paging(limit: 50, offset: 0))))
    }

    @Test func aPageOfRowsIsTheTextOfItsRecords() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            try Self.seed(on: connection)
            let page = try ProjectQueries.list(.init(), limit: 50, offset: 0, on: connection)
            let records = try page.rows.map(ProjectQueries.decode)
            let fromRows = try Self.page(RecordRows(page.rows, as: ProjectRecord.self), total: page.total)
            #expect(records.count == 4 && page.total == 4)
            #expect(fromRows == (try Self.page(records, total: page.total)))
            #expect(fromRows.contains(#""name":"换行\n制表\t回车\r控制\u0001\u001f""#))
            #expect(fromRows.contains(#""total_investment":12345.6,"#) && fromRows.contains(#""land_area":0.5,"#))
            // updated_at is now(), to the microsecond in PostgreSQL's text; the JSON keeps whole seconds
            #expect(fromRows.contains(try Regex(#""updated_at":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"}"#)))
            #expect(!fromRows.contains("year_to_date"))
            // a page past the end
            let past = try ProjectQueries.list(.init(), limit: 50, offset: 10, on: connection)
            #expect(try Self.page(RecordRows(past.rows, as: ProjectRecord.self), total: past.total)
                == (try Self.page(past.rows.map(ProjectQueries.decode), total: past.total)))
        }
    }

    /// Instants printed in another time zone than UTC take the long way, through `Date` and a
    /// text of their own copied into the row's room: the text is still the records'.
    @Test func valuesOfOtherShapesGoThroughTheirTypesAndWriteTheSame() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            try Self.seed(on: connection)
            try connection.execute("SET TIME ZONE 'Asia/Shanghai'")
            let page = try ProjectQueries.list(.init(), limit: 50, offset: 0, on: connection)
            let updatedAt = try #require(page.rows.position(ofColumn: "updated_at").flatMap { page.rows.unsafeText(row: 0, column: $0) })
            #expect(page.rows.count == 4 && String(decoding: updatedAt, as: UTF8.self).hasSuffix("+08"))
            let fromRows = try Self.page(RecordRows(page.rows, as: ProjectRecord.self), total: page.total)
            #expect(fromRows == (try Self.page(page.rows.map(ProjectQueries.decode), total: page.total)))
            #expect(fromRows.contains(try Regex(#""updated_at":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"}"#)))
        }
    }

    @Test func aMemberTheRecordAlwaysWritesMustHaveItsColumn() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            let withoutCode = try connection.query("SELECT 1::bigint AS id")
            #expect(throws: PostgresError.self) { try RecordRows(withoutCode, as: ProjectRecord.self) }
            // a column of another type than the member's schema
            let textVersion = try connection.query("""
                SELECT \(unsafeSQL: ProjectQueries.columns.replacingOccurrences(of: "p.version", with: "'4'::text AS version"))
                  FROM app.projects p
                """)
            #expect(throws: PostgresError.self) { try RecordRows(textVersion, as: ProjectRecord.self) }
            // NULL where the record always has a value: refused, naming the member
            try Self.seed(on: connection)
            let nullCode = try connection.query("""
                SELECT \(unsafeSQL: ProjectQueries.columns.replacingOccurrences(of: "p.code", with: "NULL::text AS code"))
                  FROM app.projects p
                """)
            let error = #expect(throws: PostgresError.self) { try JSONStreamEncoder.encode(RecordRows(nullCode, as: ProjectRecord.self)) }
            #expect(error?.reason.contains("member code is NULL") == true)
        }
    }

    @Test func rowsAreWrittenOnlyAsJSONText() async throws {
        try await TestDatabase.with { database in
            let connection = try database.connect()
            defer { connection.close() }
            try Self.seed(on: connection)
            let rows = try ProjectQueries.list(.init(), limit: 1, offset: 0, on: connection).rows
            #expect(throws: EncodingError.self) { try JSONEncoder().encode(RecordRows(rows, as: ProjectRecord.self)) }
        }
    }
}
