import Postgres
import Testing

/// Assembling queries from fragments: placeholders are renumbered, binds follow in order, and
/// text that only looks like a placeholder is left alone.
@Suite struct QueryTests {
    @Test func appendRenumbersEveryPlaceholderOfTheAppendedFragment() {
        var query: Query = "SELECT * FROM t WHERE a = \(1) AND b = \("x")"
        query.append(" AND c = \(true) AND (d = \(Int64(4)) OR e = \(Int64(5)))")
        query.append(" LIMIT 50")
        query.append(" OFFSET \(7)")
        #expect(query.sql == "SELECT * FROM t WHERE a = $1 AND b = $2 AND c = $3 AND (d = $4 OR e = $5) LIMIT 50 OFFSET $6")
        #expect(query.binds == ["1", "x", "t", "4", "5", "7"])
    }

    @Test func appendLeavesLongerNumbersAndDollarSignsThatAreNotPlaceholders() {
        var query: Query = "SELECT \(1), \(2)"
        // $12 is beyond the fragment's two binds, $ alone and $$ quoting are not placeholders
        var fragment: Query = " WHERE x = \(3) AND y = \(4) AND z = '$12 $ $$' AND w = $0"
        fragment.append("")
        query.append(fragment)
        #expect(query.sql == "SELECT $1, $2 WHERE x = $3 AND y = $4 AND z = '$12 $ $$' AND w = $0")
        #expect(query.binds == ["1", "2", "3", "4"])
    }

    @Test func appendingToAnEmptyQueryKeepsTheFragmentsNumbers() {
        var query = Query(sql: "")
        query.append("SELECT \(1), \(2), \(3), \(4), \(5), \(6), \(7), \(8), \(9), \(10), \(11)")
        query.append(" AND \(12)")
        #expect(query.sql == "SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 AND $12")
        #expect(query.binds.count == 12)
    }

    @Test func anArrayIsOneLiteralWithEachElementQuotedAndEscaped() {
        // a quote followed by a combining mark is still a quote to escape
        let query: Query = "SELECT \(["a\\b", "c\"d", "南明区", "", "e\"\u{301}"])::text[], \([Optional("x"), nil])::text[], \([String]())::text[]"
        #expect(query.binds == [#"{"a\\b","c\"d","南明区","","e\"\#u{301}"}"#, #"{"x",NULL}"#, "{}"])
    }
}
