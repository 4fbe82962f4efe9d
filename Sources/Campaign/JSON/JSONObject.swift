import Foundation

/// A value whose JSON is an object written member by member.
///
/// Responses write such values straight to bytes (the API's `JSONStreamEncoder`), without the
/// boxed containers of `Encodable`; the `Encodable` conformance below writes the same members
/// through any `Encoder`, so both give the same JSON. Members are written in order, `nil` as `null`.
public protocol JSONObject: Encodable {
    /// Writes every member, in order.
    func writeMembers(to writer: inout some JSONMemberWriter) throws
}

/// Where a `JSONObject` writes its members.
public protocol JSONMemberWriter {
    mutating func write(_ key: String, _ value: String?) throws
    mutating func write(_ key: String, _ value: Int64?) throws
    mutating func write(_ key: String, _ value: Int?) throws
    mutating func write(_ key: String, _ value: Bool?) throws
    mutating func write(_ key: String, _ value: Decimal?) throws
    mutating func write(_ key: String, _ value: Date?) throws
    /// Any other value, through its `Encodable` conformance.
    mutating func write(_ key: String, encoding value: some Encodable) throws
}

extension JSONMemberWriter {
    /// `YYYY-MM-DD`.
    public mutating func write(_ key: String, _ value: CalendarDate?) throws { try write(key, value?.description) }
    /// `YYYY-MM`.
    public mutating func write(_ key: String, _ value: Month?) throws { try write(key, value?.description) }
    /// An enumeration's raw value.
    public mutating func write<Value: RawRepresentable<String>>(_ key: String, _ value: Value?) throws {
        try write(key, value?.rawValue)
    }
}

extension JSONObject {
    public func encode(to encoder: any Encoder) throws {
        var writer = ContainerMemberWriter(container: encoder.container(keyedBy: MemberKey.self))
        try writeMembers(to: &writer)
    }
}

/// Writes members into a keyed container, for any `Encoder`.
struct ContainerMemberWriter: JSONMemberWriter {
    var container: KeyedEncodingContainer<MemberKey>

    mutating func write(_ key: String, _ value: String?) throws { try container.encode(value, forKey: MemberKey(key)) }
    mutating func write(_ key: String, _ value: Int64?) throws { try container.encode(value, forKey: MemberKey(key)) }
    mutating func write(_ key: String, _ value: Int?) throws { try container.encode(value, forKey: MemberKey(key)) }
    mutating func write(_ key: String, _ value: Bool?) throws { try container.encode(value, forKey: MemberKey(key)) }
    mutating func write(_ key: String, _ value: Decimal?) throws { try container.encode(value, forKey: MemberKey(key)) }
    mutating func write(_ key: String, _ value: Date?) throws { try container.encode(value, forKey: MemberKey(key)) }
    mutating func write(_ key: String, encoding value: some Encodable) throws {
        try container.encode(value, forKey: MemberKey(key))
    }
}

/// A member's name as a coding key.
public struct MemberKey: CodingKey {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(_ name: String) { stringValue = name }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}
