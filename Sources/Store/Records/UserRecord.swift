import Campaign

/// A stored user as admins manage it. Never carries the password hash.
public struct UserRecord: Sendable, Equatable, JSONObject {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: UserRole
    public var active: Bool
    public var agency: AgencySummary
    public var version: Int

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("id", id)
        try writer.write("username", username)
        try writer.write("display_name", displayName)
        try writer.write("role", role)
        try writer.write("active", active)
        try writer.write("agency_id", agency.id)
        try writer.write("agency", encoding: agency)
        try writer.write("version", version)
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
