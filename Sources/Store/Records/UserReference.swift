import Campaign
import Postgres

/// Who made a change: `{"id","display_name"}`; the name is nil for a user since removed.
public struct UserReference: Sendable, Equatable, JSONRecord {
    public var id: Int64
    public var displayName: String?

    /// `display_name` is left out when unknown.
    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .textIfPresent("display_name") { $0.displayName },
    ]
}

extension UserReference {
    /// The user of columns `<prefix>id` and `<prefix>display_name`, or nil when the id is NULL.
    static func decode(_ row: Row, idColumn: String, nameColumn: String) throws -> UserReference? {
        guard let id: Int64 = try row.decode(idColumn, as: Int64?.self) else { return nil }
        return UserReference(id: id, displayName: try row.decode(nameColumn, as: String?.self))
    }
}
