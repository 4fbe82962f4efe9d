import Postgres

/// Who made a change: `{"id","display_name"}`; the name is nil for a user since removed.
public struct UserReference: Sendable, Equatable, Encodable {
    public var id: Int64
    public var displayName: String?

    enum CodingKeys: String, CodingKey {
        case id
        case displayName = "display_name"
    }
}

extension UserReference {
    /// The user of columns `<prefix>id` and `<prefix>display_name`, or nil when the id is NULL.
    static func decode(_ row: Row, idColumn: String, nameColumn: String) throws -> UserReference? {
        guard let id: Int64 = try row.decode(idColumn, as: Int64?.self) else { return nil }
        return UserReference(id: id, displayName: try row.decode(nameColumn, as: String?.self))
    }
}
