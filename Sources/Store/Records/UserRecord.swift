import Campaign

/// A stored user as admins manage it. Never carries the password hash.
public struct UserRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: UserRole
    public var active: Bool
    public var agency: AgencySummary
    public var version: Int

    enum CodingKeys: String, CodingKey {
        case id, username, role, active, agency, version
        case displayName = "display_name"
        case agencyID = "agency_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(username, forKey: .username)
        try container.encode(displayName, forKey: .displayName)
        try container.encode(role, forKey: .role)
        try container.encode(active, forKey: .active)
        try container.encode(agency.id, forKey: .agencyID)
        try container.encode(agency, forKey: .agency)
        try container.encode(version, forKey: .version)
    }
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
