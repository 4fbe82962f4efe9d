import Campaign

/// An agency as every client sees it.
public struct AgencySummary: Sendable, Equatable, Decodable, JSONRecord {
    public var id: Int64
    public var code: String
    public var name: String
    public var kind: AgencyKind

    public init(id: Int64, code: String, name: String, kind: AgencyKind) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
    }

    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .text("code") { $0.code },
        .text("name") { $0.name },
        .choice("kind") { $0.kind },
    ]
}

/// A user with their agency: the `user` object of CONTRACT.md.
public struct UserSummary: Sendable, Equatable, Decodable, JSONRecord {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: UserRole
    public var agency: AgencySummary

    enum CodingKeys: String, CodingKey {
        case id, username, role, agency
        case displayName = "display_name"
    }

    /// In the order the API has always written them: `display_name` last.
    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .text("username") { $0.username },
        .choice("role") { $0.role },
        .nested("agency", component: "Agency") { $0.agency },
        .text("display_name") { $0.displayName },
    ]

    public init(id: Int64, username: String, displayName: String, role: UserRole, agency: AgencySummary) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.agency = agency
    }

    /// The caller for row-level security.
    public var caller: Caller {
        Caller(userID: id, agencyID: agency.id, agencyKind: agency.kind, role: role)
    }
}
