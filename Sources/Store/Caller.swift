import Campaign

/// Who a transaction acts for. PostgreSQL's row-level security reads it from transaction-local
/// settings, so every query in the transaction sees exactly what this caller may see.
public struct Caller: Sendable, Equatable {
    public var userID: Int64
    public var agencyID: Int64
    public var agencyKind: AgencyKind
    public var role: UserRole

    public init(userID: Int64, agencyID: Int64, agencyKind: AgencyKind, role: UserRole) {
        self.userID = userID
        self.agencyID = agencyID
        self.agencyKind = agencyKind
        self.role = role
    }
}
