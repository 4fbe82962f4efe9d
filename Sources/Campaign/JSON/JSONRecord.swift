/// A `JSONObject` whose members are declared once, in `members`: its JSON writer and its schema
/// (the OpenAPI component that describes it) both come from that one declaration.
///
/// ```swift
/// extension NotificationRecord: JSONRecord {
///     public static let members: [JSONMember<Self>] = [.id("id") { $0.id }, .choice("kind") { $0.kind }]
/// }
/// ```
public protocol JSONRecord: JSONObject {
    /// Every member, in the order they are written.
    static var members: [JSONMember<Self>] { get }
}

extension JSONRecord {
    /// Writes `members` in order (no key path, no allocation per member: the writer is boxed
    /// once per record, see `JSONMember.write`).
    public func writeMembers<Writer: JSONMemberWriter>(to writer: inout Writer) throws {
        var boxed: any JSONMemberWriter = writer
        defer {
            writer = boxed as! Writer
        }
        try writeMembers(into: &boxed)
    }

    /// Writes `members` in order into a writer already boxed (a part written inline).
    func writeMembers(into writer: inout any JSONMemberWriter) throws {
        for member in Self.members {
            try member.write(self, &writer)
        }
    }

    /// An object of the members; those never left out are required.
    public static var schema: Schema {
        .object(properties, required: members.flatMap(\.properties).filter(\.alwaysPresent).map(\.name).sorted())
    }

    /// The members as a body that requires only `required` (an input; `[]` for a PATCH).
    public static func schema(required: [String]) -> Schema {
        .object(properties, required: required)
    }

    /// Each member's schema by name.
    public static var properties: [String: Schema] {
        Dictionary(uniqueKeysWithValues: members.flatMap(\.properties).map { ($0.name, $0.schema) })
    }
}
