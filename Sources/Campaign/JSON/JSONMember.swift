import Foundation

/// One member of a `JSONRecord` (its JSON name, its schema and how to read its value), or the
/// members of a part written inline (a record's client-written `fields`).
///
/// Built with the typed factories of `JSONMember+Factories.swift`, which derive the schema from
/// the value's type (`.number` for `Decimal`, `.nullable` for an optional, `.choice` for an
/// enumeration). Writing one costs its getter's call and a switch: no key path, no boxing.
public struct JSONMember<Record>: Sendable {
    /// What the member adds to the record's schema: one property, or each of an inlined part's.
    public let properties: [JSONProperty]
    let access: Access

    /// How the value is read and written.
    enum Access: Sendable {
        /// A scalar, written by the writer's own typed methods.
        case value(String, @Sendable (Record) -> JSONMemberValue)
        /// A nested value or an inlined part; made once, with the members table.
        case written(any MemberWriting<Record>)
    }

    /// A member of any scalar value; `alwaysPresent: false` lets the getter answer `.absent`.
    public static func value(
        _ name: String, schema: Schema, alwaysPresent: Bool = true, _ get: @escaping @Sendable (Record) -> JSONMemberValue
    ) -> Self {
        JSONMember(properties: [JSONProperty(name: name, schema: schema, alwaysPresent: alwaysPresent)], access: .value(name, get))
    }

    /// A member written through the value's `Encodable` conformance, described by `schema`.
    public static func encoded<Value: Encodable>(
        _ name: String, schema: Schema, _ get: @escaping @Sendable (Record) -> Value
    ) -> Self {
        JSONMember(properties: [JSONProperty(name: name, schema: schema, alwaysPresent: true)],
                   access: .written(EncodedGetter(name: name, get: get)))
    }

    /// Every member of the part `get` reads, written here in its own order.
    public static func inline<Part: JSONRecord>(_ get: @escaping @Sendable (Record) -> Part) -> Self {
        JSONMember(properties: Part.members.flatMap(\.properties), access: .written(InlineGetter(get: get)))
    }

    func write(_ record: Record, to writer: inout some JSONMemberWriter) throws {
        switch access {
        case .value(let name, let get):
            switch get(record) {
            case .string(let value): try writer.write(name, value)
            case .int64(let value): try writer.write(name, value)
            case .int(let value): try writer.write(name, value)
            case .decimal(let value): try writer.write(name, value)
            case .bool(let value): try writer.write(name, value)
            case .date(let value): try writer.write(name, value)
            case .absent: return
            }
        case .written(let member):
            try member.write(record, to: &writer)
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

/// Writes a member whose value's type it keeps inside (a nested value, an inlined part).
protocol MemberWriting<Record>: Sendable {
    associatedtype Record
    func write(_ record: Record, to writer: inout some JSONMemberWriter) throws
}

/// A member written through its value's `Encodable` conformance.
struct EncodedGetter<Record, Value: Encodable>: MemberWriting {
    let name: String
    let get: @Sendable (Record) -> Value

    func write(_ record: Record, to writer: inout some JSONMemberWriter) throws {
        try writer.write(name, encoding: get(record))
    }
}

/// A part's members, written into the record's own object.
struct InlineGetter<Record, Part: JSONRecord>: MemberWriting {
    let get: @Sendable (Record) -> Part

    func write(_ record: Record, to writer: inout some JSONMemberWriter) throws {
        try get(record).writeMembers(to: &writer)
    }
}
