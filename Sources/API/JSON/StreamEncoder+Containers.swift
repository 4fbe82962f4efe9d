import Foundation

/// The members of a JSON object written by a `StreamEncoder`.
struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: StreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        try encoder.beginMember(key: key)
        encoder.sink.text.append("null")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encoder.beginMember(key: key)
        try encoder.encodeMember(value, key: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        nested(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        nested(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { nested(SuperKey.super) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { nested(key) }

    /// A member left open; a misuse is already recorded on the sink if it cannot be begun.
    private func nested(_ key: any CodingKey) -> StreamEncoder {
        try? encoder.beginMember(key: key)
        return encoder.openChild(key: key)
    }
}

/// The elements of a JSON array written by a `StreamEncoder`.
struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: StreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.count }

    mutating func encodeNil() throws {
        try encoder.beginMember()
        encoder.sink.text.append("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.beginMember()
        try encoder.encodeMember(value, key: IndexKey(intValue: encoder.count - 1))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nested().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nested().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { nested() }

    /// An element left open; a misuse is already recorded on the sink if it cannot be begun.
    private func nested() -> StreamEncoder {
        try? encoder.beginMember()
        return encoder.openChild(key: IndexKey(intValue: encoder.count - 1))
    }
}

/// The one scalar (or delegated value) of a `StreamEncoder`. Every primitive has its own method:
/// a primitive's `encode(to:)` calls back here, and the generic path would recurse.
struct StreamSingleValueContainer: SingleValueEncodingContainer {
    let encoder: StreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { try encoder.scalar { encoder.sink.text.append("null") } }
    mutating func encode(_ value: Bool) throws { try encoder.scalar { encoder.sink.text.append(value ? "true" : "false") } }
    mutating func encode(_ value: String) throws { try encoder.scalar { encoder.sink.text.append(string: value) } }
    mutating func encode(_ value: Double) throws { try encodeFloatingPoint(value) }
    mutating func encode(_ value: Float) throws { try encodeFloatingPoint(value) }
    mutating func encode(_ value: Int) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int8) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int16) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int32) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int64) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt8) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt16) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt32) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt64) throws { try encodeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeScalar(value) }

    private func encodeInteger(_ value: some FixedWidthInteger) throws {
        try encoder.scalar { encoder.sink.text.append(raw: String(value)) }
    }

    /// Finite numbers only (JSON has no NaN or infinity); whole numbers without a fraction.
    private func encodeFloatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) throws {
        guard value.isFinite else { throw encoder.misuse("JSON has no \(value)") }
        let whole = value == value.rounded() && abs(value) < 1e15 && !(value == 0 && value.sign == .minus)
        let text = whole ? String(Int64(value)) : String(value)
        try encoder.scalar { encoder.sink.text.append(raw: text) }
    }
}

/// The key of an array element in a coding path.
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { intValue.map { "Index \($0)" } ?? "" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

/// The key `super`, as `JSONEncoder` names a super-encoder's member.
enum SuperKey: String, CodingKey { case `super` }
