/// A SQL statement with bound parameters.
///
/// Written as a string literal with interpolations; each interpolated value becomes a `$n`
/// placeholder and travels separately from the SQL text, so values are never spliced into SQL:
/// ```swift
/// let query: Query = "SELECT id FROM app.projects WHERE code = \(code) AND major = \(true)"
/// ```
public struct Query: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The SQL text with `$1 … $n` placeholders.
    public private(set) var sql: String
    /// The parameters in text format; `nil` is SQL NULL.
    public private(set) var binds: [String?]
    /// Parameters sent in binary format instead (`bytea` content), by their index in `binds`.
    public private(set) var binaryBinds: [Int: [UInt8]]

    public init(sql: String, binds: [String?] = [], binaryBinds: [Int: [UInt8]] = [:]) {
        self.sql = sql
        self.binds = binds
        self.binaryBinds = binaryBinds
    }

    public init(stringLiteral value: String) {
        self.init(sql: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(sql: stringInterpolation.sql, binds: stringInterpolation.binds, binaryBinds: stringInterpolation.binaryBinds)
    }

    /// Appends another query, renumbering its placeholders.
    public mutating func append(_ other: Query) {
        sql += binds.isEmpty || other.binds.isEmpty ? other.sql : Self.renumbering(other.sql, placeholders: other.binds.count, by: binds.count)
        for (index, bytes) in other.binaryBinds { binaryBinds[index + binds.count] = bytes }
        binds += other.binds
    }

    /// `sql` with each placeholder `$n` (1 ≤ n ≤ `placeholders`) moved up by `offset`, in one pass
    /// over its bytes (queries are assembled on every request of a list).
    static func renumbering(_ sql: String, placeholders: Int, by offset: Int) -> String {
        var output: [UInt8] = []
        var sql = sql
        sql.withUTF8 { text in
            output.reserveCapacity(text.count + placeholders)
            var index = 0
            while index < text.count {
                let byte = text[index]
                index += 1
                output.append(byte)
                guard byte == UInt8(ascii: "$") else { continue }
                var end = index, number = 0
                while end < text.count, text[end] >= UInt8(ascii: "0"), text[end] <= UInt8(ascii: "9"), number <= placeholders {
                    number = number * 10 + Int(text[end] - UInt8(ascii: "0"))
                    end += 1
                }
                guard end > index, end == text.count || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[end]),
                      number >= 1, number <= placeholders else { continue }
                output.append(contentsOf: String(number + offset).utf8)
                index = end
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The SQL text only: parameter values are never part of a description.
    public var description: String { sql }

    /// Builds the SQL text and the binds of an interpolated query.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [String?] = []
        var binaryBinds: [Int: [UInt8]] = [:]

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Binds a value as the next `$n` parameter.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            binds.append(value.postgresText)
            sql += "$\(binds.count)"
        }

        /// Binds an optional value; `nil` is SQL NULL.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            binds.append(value?.postgresText)
            sql += "$\(binds.count)"
        }

        /// Binds raw bytes as the next `$n` parameter, sent in binary format (for `bytea`): no hex
        /// text twice the size is built.
        public mutating func appendInterpolation(binary bytes: [UInt8]) {
            binaryBinds[binds.count] = bytes
            binds.append(nil)
            sql += "$\(binds.count)"
        }

        /// Splices trusted SQL text written by this program (never user input), such as a fragment
        /// chosen from a fixed list of column names.
        public mutating func appendInterpolation(unsafeSQL fragment: String) {
            sql += fragment
        }
    }
}
