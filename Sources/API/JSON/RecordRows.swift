import Campaign
import Foundation
import Postgres

/// The rows of a query result written as the JSON objects of a `JSONRecord`, each member copied
/// from the column of its name as libpq holds it: no record is built, no `String` made, no
/// closure called per member (the project list's hottest costs, docs/BENCHMARKS.md).
///
/// The text is the record's own, byte for byte (`RecordRowsTests`): text is escaped as
/// `JSONText.append(string:)` does, integers are PostgreSQL's digits, and amounts and UTC instants
/// are PostgreSQL's text rearranged as their `Decimal` and `Date` would be written
/// (`JSONBytes.append(numeric:)`, `append(timestamptz:)`; other shapes are decoded). A
/// member that may be left out is left out when its column is missing or NULL. It copies columns,
/// not the members' getters: it fits a record whose members are its columns as stored (a member
/// computed in Swift would have to be computed by the query), which `RecordRowsTests` checks.
struct RecordRows {
    /// How a member's value is copied from its column.
    enum Kind {
        case text, integer, number, boolean, timestamp
    }

    /// A member of the record and the column it is copied from. Holds nothing counted by
    /// reference, so that going through the members retains nothing.
    struct Member {
        /// Where `,"name":` is in `prefixes`.
        var prefix: Range<Int>
        var column: Int
        var kind: Kind
        var nullable: Bool
        var alwaysPresent: Bool
    }

    let rows: ResultSet
    let members: [Member]
    /// Every member's `,"name":`, one after another.
    let prefixes: [UInt8]

    /// The layout of `Record` over `rows`; throws if a member has no column or a column of
    /// another type than the member's schema asks for.
    init<Record: JSONRecord>(_ rows: ResultSet, as record: Record.Type) throws {
        var members: [Member] = []
        var prefixes: [UInt8] = []
        for property in Record.members.flatMap(\.properties) {
            guard let column = rows.position(ofColumn: property.name) else {
                if property.alwaysPresent { throw Self.mismatch(property.name, "has no column in the result") }
                continue
            }
            var schema = property.schema
            var nullable = false
            if case .nullable(let inner) = schema { (schema, nullable) = (inner, true) }
            let type = rows.type(ofColumn: column)
            guard let kind = Self.kind(of: schema, type: type) else {
                throw Self.mismatch(property.name, "is a column of \(type), which its schema cannot take")
            }
            var prefix = JSONText()
            prefix.append(memberName: property.name, first: false)
            members.append(Member(
                prefix: prefixes.count..<prefixes.count + prefix.buffer.readableBytes, column: column, kind: kind,
                nullable: nullable, alwaysPresent: property.alwaysPresent))
            prefixes += prefix.buffer.readableBytesView
        }
        (self.rows, self.members, self.prefixes) = (rows, members, prefixes)
    }

    /// Writes every row, as a JSON array of objects.
    func write(to text: inout JSONText) throws {
        // Room for the rows at a guess (the members' names and 16 bytes a value), so that the
        // text grows once or twice, not once per doubling.
        text.buffer.reserveCapacity(minimumWritableBytes: rows.count * (prefixes.count + members.count * 16))
        var values = [UnsafeBufferPointer<UInt8>?](repeating: nil, count: members.count)
        text.append(UInt8(ascii: "["))
        for row in 0..<rows.count {
            if row > 0 { text.append(UInt8(ascii: ",")) }
            try write(row: row, to: &text, values: &values)
        }
        text.append(UInt8(ascii: "]"))
    }

    /// Writes row `row` as one JSON object, straight into room reserved for its longest text:
    /// every name, six bytes for each byte of a value (`\u0001`), and four for each `null`.
    /// `values` holds the row's values meanwhile (one array for all the rows of a page).
    func write(row: Int, to text: inout JSONText, values: inout [UnsafeBufferPointer<UInt8>?]) throws {
        var room = 2
        for (index, member) in members.enumerated() {
            values[index] = rows.unsafeText(row: row, column: member.column)
            room += member.prefix.count + 6 * (values[index]?.count ?? 0) + 4
        }
        try prefixes.withUnsafeBufferPointer { prefixes in
            try text.withRoom(for: room) { out in
                out.append(UInt8(ascii: "{"))
                var first = true
                for (member, value) in zip(members, values) {
                    if value == nil, !member.alwaysPresent { continue }
                    // the first member's name goes without its comma
                    out.append(raw: UnsafeBufferPointer(rebasing: prefixes[(member.prefix.lowerBound + (first ? 1 : 0))..<member.prefix.upperBound]))
                    first = false
                    guard let value else {
                        guard member.nullable else { throw Self.mismatch(name(of: member), "is NULL in row \(row), and may not be") }
                        out.append("null")
                        continue
                    }
                    switch member.kind {
                    case .text: out.append(string: value)
                    case .integer: out.append(raw: value)
                    case .number:
                        if !out.append(numeric: value) { try out.append { $0.append(decimal: try Decimal(postgresBytes: value, type: .numeric)) } }
                    case .boolean: out.append(value.first == UInt8(ascii: "t") ? "true" : "false")
                    case .timestamp:
                        if !out.append(timestamptz: value) { try out.append { $0.append(timestamp: try Date(postgresBytes: value, type: .timestamptz)) } }
                    }
                }
                out.append(UInt8(ascii: "}"))
            }
        }
    }

    /// The member's name, from its `,"name":`.
    private func name(of member: Member) -> String {
        String(decoding: prefixes[member.prefix].dropFirst(2).dropLast(2), as: UTF8.self)
    }

    /// The kind of copy for a member of `schema` from a column of `type`; nil when they do not fit.
    private static func kind(of schema: Schema, type: PostgresType) -> Kind? {
        switch (schema, type) {
        case (.string(format: "date-time", _), .timestamptz): .timestamp
        case (.string(format: "date", _), .date): .text
        case (.string(format: nil, _), .text), (.string(format: nil, _), .varchar),
             (.pattern, .text), (.pattern, .varchar), (.limitedText, .text), (.limitedText, .varchar): .text
        case (.integer, .int2), (.integer, .int4), (.integer, .int8),
             (.boundedInteger, .int2), (.boundedInteger, .int4), (.boundedInteger, .int8): .integer
        case (.number, .numeric): .number
        case (.boolean, .bool): .boolean
        default: nil
        }
    }

    private static func mismatch(_ member: String, _ problem: String) -> PostgresError {
        PostgresError(.decoding, reason: "the member \(member) \(problem)")
    }
}

extension RecordRows: Encodable {
    /// The rows as a JSON array, written by `JSONStreamEncoder` (and by no other encoder).
    func encode(to encoder: any Encoder) throws {
        guard let stream = encoder as? StreamEncoder else {
            throw EncodingError.invalidValue(rows.count, EncodingError.Context(
                codingPath: encoder.codingPath, debugDescription: "rows of a result are written only by JSONStreamEncoder"))
        }
        try stream.encodeText { try write(to: &$0) }
    }
}
