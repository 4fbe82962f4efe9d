import Foundation

/// One member of a `JSONRecord` (its JSON name, its schema and how to read its value), or the
/// members of a part written inline (a record's client-written `fields`).
///
/// Built with the typed factories of `JSONMember+Factories.swift`, which derive the schema from
/// the value's type (`.number` for `Decimal`, `.nullable` for an optional, `.choice` for an
/// enumeration). Writing one costs two closure calls and a switch: no key path, no allocation.
public struct JSONMember<Record>: Sendable {
    /// What the member adds to the record's schema: one property, or each of an inlined part's.
    public let properties: [JSONProperty]
    /// Writes the member of a record. Made once, with the table, by a factory that knows the
    /// value's type, so writing costs this call, the getter's and one call on the writer: no
    /// generic code runs per member (unspecialised generic code asked the runtime for type
    /// metadata at every member, a fifth more CPU on the project list).
    let write: @Sendable (Record, inout any JSONMemberWriter) throws -> Void

    /// A member of any scalar value; `alwaysPresent: false` lets the getter answer `.absent`.
    public static func value(
        _ name: String, schema: Schema, alwaysPresent: Bool = true, _ get: @escaping @Sendable (Record) -> JSONMemberValue
    ) -> Self {
        JSONMember(properties: [JSONProperty(name: name, schema: schema, alwaysPresent: alwaysPresent)]) { record, writer in
            switch get(record) {
            case .string(let value): try writer.write(name, value)
            case .int64(let value): try writer.write(name, value)
            case .int(let value): try writer.write(name, value)
            case .decimal(let value): try writer.write(name, value)
            case .bool(let value): try writer.write(name, value)
            case .date(let value): try writer.write(name, value)
            case .absent: return
            }
        }
    }

    /// A member written through the value's `Encodable` conformance, described by `schema`.
    public static func encoded<Value: Encodable & Sendable>(
        _ name: String, schema: Schema, _ get: @escaping @Sendable (Record) -> Value
    ) -> Self {
        JSONMember(properties: [JSONProperty(name: name, schema: schema, alwaysPresent: true)]) { record, writer in
            try writer.write(name, encoding: get(record))
        }
    }

    /// Every member of the part `get` reads, written here in its own order.
    public static func inline<Part: JSONRecord & Sendable>(_ get: @escaping @Sendable (Record) -> Part) -> Self {
        JSONMember(properties: Part.members.flatMap(\.properties)) { record, writer in
            try get(record).writeMembers(into: &writer)
        }
    }
}

/// A member as the record's schema describes it.
public struct JSONProperty: Sendable {
    public let name: String
    public let schema: Schema
    /// False for a member left out of the object when it has no value (`JSONMemberValue.absent`).
    public let alwaysPresent: Bool
}

/// A member's value as a `JSONMemberWriter` takes it; nil is written as null.
public enum JSONMemberValue {
    case string(String?)
    case int64(Int64?)
    case int(Int?)
    case decimal(Decimal?)
    case bool(Bool?)
    case date(Date?)
    /// The member is left out.
    case absent
}
