import Foundation
import Postgres
import Testing
import TestSupport

/// Round trips of every decoded type through a real server, NULLs included.
@Suite struct DecodingTests {
    @Test func scalarsRoundTrip() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            // setup / MUT
            let row = try #require(try connection.query("""
                SELECT \("汉字 text")::text AS t, \(42)::int4 AS i4, \(Int64.max)::int8 AS i8, \(true)::bool AS b,
                       \(Decimal(string: "12345678901234.56")!)::numeric(16,2) AS n2,
                       \(Decimal(string: "0.123456789012345678")!)::numeric AS n18,
                       \(PostgresDate(year: 2024, month: 2, day: 29))::date AS d,
                       '2026-11-25 13:08:04.250+08'::timestamptz AS ts,
                       \(#"{"a": [1, 2]}"#)::jsonb AS j,
                       \(["a", "b c", "d\"e", "f\\g", "南明区", "e\"\u{301}"])::text[] AS ta, ARRAY[1, 2, 3]::int[] AS ia
                """).first)
            // validation
            #expect(try row.decode("t") == "汉字 text")
            #expect(try row.decode("i4") == 42)
            #expect(try row.decode("i8") == Int64.max)
            #expect(try row.decode("b") == true)
            #expect(try row.decode("n2") == Decimal(string: "12345678901234.56")!)
            #expect(try row.decode("n18") == Decimal(string: "0.123456789012345678")!)
            #expect(try row.decode("d") == PostgresDate(year: 2024, month: 2, day: 29))
            #expect(try row.decode("ts", as: Date.self) == Date(timeIntervalSince1970: 1_795_583_284.25))
            #expect(try row.decode("j", as: String.self) == #"{"a": [1, 2]}"#)
            #expect(try row.decode("ta") == ["a", "b c", "d\"e", "f\\g", "南明区", "e\"\u{301}"])
            #expect(try row.decode("ia") == [1, 2, 3])
        }
    }

    /// Numerics of up to 19 digits take a fast path; every one must equal Foundation's parse of
    /// the same text, and print the same.
    @Test func numericsDecodeAsFoundationParsesThem() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            // setup / MUT
            let rows = try connection.query("""
                SELECT v::text AS text, v AS value
                  FROM unnest('{0, 0.00, -0.01, 1, -1, 100, 12.50, 0.005, 9999999999999999999, 99999999999999999.99,
                                 12345678901234567890, 0.123456789012345678901, -98765432109876543.21}'::numeric[]) v
                UNION ALL
                SELECT v::text, v
                  FROM (SELECT round((random() * 10 ^ (g % 17) - 10 ^ (g % 5))::numeric, g % 6) AS v
                          FROM generate_series(1, 2000) g) r
                """)
            // validation
            #expect(rows.count == 2013)
            for row in rows.rows {
                let text: String = try row.decode("text")
                let expected = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
                let value: Decimal = try row.decode("value")
                #expect(value == expected, "\(text)")
                #expect(value.description == expected.description, "\(text)")
            }
        }
    }

    @Test func integersAndBooleansAreReadFromLibpqsBytesToTheirLimits() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            let row = try #require(try connection.query("""
                SELECT \(Int64.min)::int8 AS low, \(Int64.max)::int8 AS high, -1::int4 AS minus, 0::int2 AS zero,
                       false AS f, 3000000000::int8 AS big, 'twelve'::text AS word, '12'::text AS same
                """).first)
            #expect(try row.decode("low") == Int64.min)
            #expect(try row.decode("high") == Int64.max)
            #expect(try row.decode("minus") == Int32(-1))
            #expect(try row.decode("zero") == 0)
            #expect(try row.decode("f") == false)
            #expect(try row.decode("same") == 12)
            // beyond the Swift type, or not a number: a decoding error, never a wrong value
            #expect(throws: PostgresError.self) { try row.decode("big", as: Int32.self) }
            #expect(throws: PostgresError.self) { try row.decode("word", as: Int64.self) }
            #expect(throws: PostgresError.self) { try row.decode("word", as: Bool.self) }
            // looked up out of order and again: the same columns
            #expect(try row.decode("high") == Int64.max)
            #expect(try row.decode("low") == Int64.min)
        }
    }

    @Test func nullsDecodeAsNilAndFailForNonOptionals() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            let row = try #require(try connection.query("""
                SELECT NULL::text AS t, NULL::int AS i, NULL::numeric AS n, NULL::date AS d,
                       NULL::timestamptz AS ts, NULL::bool AS b, NULL::jsonb AS j, ARRAY['x', NULL] AS ta
                """).first)
            #expect(try row.decode("t", as: String?.self) == nil)
            #expect(try row.decode("i", as: Int?.self) == nil)
            #expect(try row.decode("n", as: Decimal?.self) == nil)
            #expect(try row.decode("d", as: PostgresDate?.self) == nil)
            #expect(try row.decode("ts", as: Date?.self) == nil)
            #expect(try row.decode("b", as: Bool?.self) == nil)
            #expect(try row.decode("j", as: String?.self) == nil)
            #expect(try row.decode("ta", as: [String?].self) == ["x", nil])
            #expect(throws: PostgresError.self) { try row.decode("i", as: Int.self) }
        }
    }

    @Test func timestampsRoundTripWithFractions() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            let instant = Date(timeIntervalSince1970: 1_700_000_000.123456)
            let row = try #require(try connection.query("SELECT \(instant)::timestamptz AS ts").first)
            let decoded = try row.decode("ts", as: Date.self)
            #expect(abs(decoded.timeIntervalSince1970 - instant.timeIntervalSince1970) < 0.000_001)
        }
    }

    @Test func nullParametersBindAsSQLNull() async throws {
        try await TestDatabase.withEmpty { database in
            let connection = try database.connect()
            let missing: String? = nil
            let row = try #require(try connection.query("SELECT \(missing)::text IS NULL AS is_null").first)
            #expect(try row.decode("is_null") == true)
        }
    }
}
