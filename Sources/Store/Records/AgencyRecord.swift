import Campaign

/// A stored agency: the `AgencySummary` every client sees, with its version.
public struct AgencyRecord: Sendable, Equatable {
    public var summary: AgencySummary
    /// The 6-digit administrative division code (行政区划代码), when recorded.
    public var divisionCode: String?
    public var version: Int
}

extension AgencyRecord: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.summary.id },
        .text("code") { $0.summary.code },
        .text("name") { $0.summary.name },
        .choice("kind") { $0.summary.kind },
        .text("division_code", schema: .pattern("^[0-9]{6}$")) { $0.divisionCode },
        .integer("version") { $0.version },
    ]
}
