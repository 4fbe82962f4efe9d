/// A position in PostgreSQL's write-ahead log (`pg_lsn`, written `16/B374D848`): how far a
/// primary has written or a standby has replayed. Positions compare in log order.
public struct WALPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The byte offset in the log.
    public var offset: UInt64

    public init(offset: UInt64) {
        self.offset = offset
    }

    /// Parses PostgreSQL's text form `HIGH/LOW` (two hexadecimal 32-bit halves).
    public init?(_ text: some StringProtocol) {
        let halves = text.split(separator: "/")
        guard halves.count == 2, let high = UInt64(halves[0], radix: 16), let low = UInt64(halves[1], radix: 16),
              high <= UInt32.max, low <= UInt32.max
        else { return nil }
        offset = high << 32 | low
    }

    public var description: String {
        String(offset >> 32, radix: 16, uppercase: true) + "/" + String(offset & 0xFFFF_FFFF, radix: 16, uppercase: true)
    }

    public static func < (lhs: WALPosition, rhs: WALPosition) -> Bool { lhs.offset < rhs.offset }
}

extension WALPosition: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { description }

    public init(postgresText text: String, type: PostgresType) throws {
        guard let position = WALPosition(text) else { throw decodingError(WALPosition.self, type) }
        self = position
    }
}
