import Campaign

/// A stored user as admins manage it. Never carries the password hash.
public struct UserRecord: Sendable, Equatable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: UserRole
    public var active: Bool
    public var agency: AgencySummary
    public var version: Int
}

/// A new user's fields; `passwordHash` is a bcrypt hash computed off the event loop.
public struct NewUser: Sendable {
    public var username: String
    public var displayName: String
    public var passwordHash: String
    public var agencyID: Int64
    public var role: UserRole

    public init(username: String, displayName: String, passwordHash: String, agencyID: Int64, role: UserRole) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.agencyID = agencyID
        self.role = role
    }
}

/// The fields an admin may change; nil leaves a field as it is.
public struct UserChanges: Sendable {
    public var displayName: String?
    public var role: UserRole?
    public var active: Bool?
    public var passwordHash: String?

    public init(displayName: String? = nil, role: UserRole? = nil, active: Bool? = nil, passwordHash: String? = nil) {
        self.displayName = displayName
        self.role = role
        self.active = active
        self.passwordHash = passwordHash
    }
}

extension UserRecord: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .text("username") { $0.username },
        .text("display_name") { $0.displayName },
        .choice("role") { $0.role },
        .boolean("active") { $0.active },
        .id("agency_id") { $0.agency.id },
        .encoded("agency", schema: .ref("Agency")) { $0.agency },
        .integer("version") { $0.version },
    ]
}
