import CLibPQ

/// The rows of one statement's result. Owns its `PGresult` and frees it when released.
public final class ResultSet {
    @usableFromInline let handle: OpaquePointer
    /// The number of rows.
    public let count: Int
    /// The rows a command changed (`INSERT`, `UPDATE`, `DELETE`), 0 otherwise.
    public let affectedRows: Int
    /// Its columns' names and positions: shared by every result of one prepared statement.
    @usableFromInline let layout: ColumnLayout
    /// The column after the last one looked up by name: rows are decoded column after column in
    /// the same order, so most lookups are one comparison instead of hashing the name. (The
    /// lookup and decoding are `@inlinable` so that callers' modules specialise them for each
    /// type they decode, instead of going through generic metadata for every value.)
    @usableFromInline var nextColumn = 0

    /// `layout`: the columns of an earlier result of the same prepared statement, if any.
    init(handle: OpaquePointer, layout: ColumnLayout? = nil) {
        self.handle = handle
        self.count = Int(PQntuples(handle))
        self.affectedRows = Self.affectedRows(PQcmdTuples(handle))
        self.layout = layout ?? ColumnLayout(handle)
    }

    /// The decimal digits libpq gives for the rows a command changed ("" for other statements).
    private static func affectedRows(_ text: UnsafePointer<CChar>?) -> Int {
        guard var text else { return 0 }
        var count = 0
        while text.pointee >= 48, text.pointee <= 57 { // "0"..."9"
            count = count * 10 + Int(text.pointee - 48)
            text += 1
        }
        return count
    }

    deinit { PQclear(handle) }

    /// The column names in order.
    public var columns: [String] {
        (0..<PQnfields(handle)).map { column in PQfname(handle, column).map { String(cString: $0) } ?? "" }
    }

    /// The row at `index`.
    public subscript(index: Int) -> Row { Row(result: self, index: Int32(index)) }

    /// All rows, for iteration.
    public var rows: [Row] { (0..<count).map { self[$0] } }

    /// Decodes every row with `transform`.
    public func map<T>(_ transform: (Row) throws -> T) rethrows -> [T] {
        try (0..<count).map { try transform(self[$0]) }
    }

    /// The first row, if any.
    public var first: Row? { count > 0 ? self[0] : nil }

    /// The position of the column named `name` (its last, should two share it), nil if none.
    public func position(ofColumn name: String) -> Int? { layout.index[name].map(Int.init) }

    /// The type of the column at `position`.
    public func type(ofColumn position: Int) -> PostgresType { PostgresType(oid: PQftype(handle, Int32(position))) }

    /// The text of one value as libpq holds it, nil for NULL: for writers that copy values out
    /// without decoding them. The bytes live as long as this result set.
    public func unsafeText(row: Int, column: Int) -> UnsafeBufferPointer<UInt8>? {
        let (row, column) = (Int32(row), Int32(column))
        guard PQgetisnull(handle, row, column) == 0 else { return nil }
        return UnsafeBufferPointer(
            start: UnsafeRawPointer(PQgetvalue(handle, row, column)).assumingMemoryBound(to: UInt8.self),
            count: Int(PQgetlength(handle, row, column)))
    }

    @inlinable func column(named name: String) throws -> Int32 {
        if nextColumn < layout.names.count, !name.isEmpty, layout.names[nextColumn] == name {
            nextColumn += 1
            return Int32(nextColumn - 1)
        }
        guard let column = layout.index[name] else {
            throw PostgresError(.decoding, reason: "no column named \(name) in the result")
        }
        nextColumn = Int(column) + 1
        return column
    }

    @inlinable func decode<T: PostgresDecodable>(_ type: T.Type, row: Int32, column: Int32) throws -> T {
        if PQgetisnull(handle, row, column) == 1 { return try T.postgresNull() }
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(PQgetvalue(handle, row, column)).assumingMemoryBound(to: UInt8.self),
            count: Int(PQgetlength(handle, row, column)))
        return try T(postgresBytes: bytes, type: PostgresType(oid: PQftype(handle, column)))
    }
}

/// The names of a result's columns and the position of each. A prepared statement's results all
/// have the same columns (a schema change that alters them makes PostgreSQL refuse the statement,
/// which is then prepared afresh under a new name), so the connection keeps one layout per
/// statement instead of building the names and their index for every result.
@usableFromInline final class ColumnLayout: Sendable {
    /// The column names in order ("" where a later column has the same name).
    @usableFromInline let names: [String]
    /// Each name's position (its last column, should two share it).
    @usableFromInline let index: [String: Int32]

    init(_ handle: OpaquePointer) {
        var index: [String: Int32] = [:]
        var names: [String] = []
        for column in 0..<PQnfields(handle) {
            let name = PQfname(handle, column).map { String(cString: $0) } ?? ""
            names.append(name)
            index[name] = column
        }
        self.index = index
        // a name that appears twice means its last column, as the index says
        self.names = names.enumerated().map { column, name in index[name] == Int32(column) ? name : "" }
    }
}

/// One row of a `ResultSet`.
public struct Row {
    @usableFromInline let result: ResultSet
    @usableFromInline let index: Int32

    /// Decodes the named column.
    @inlinable public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try result.decode(type, row: index, column: result.column(named: column))
    }

    /// Decodes the column at `position` (0-based).
    @inlinable public func decode<T: PostgresDecodable>(_ position: Int, as type: T.Type = T.self) throws -> T {
        try result.decode(type, row: index, column: Int32(position))
    }
}
