import Campaign

/// One of the county's financing platforms (投融资平台).
public struct FinancingPlatformRecord: Sendable, Equatable, JSONRecord {
    public var id: Int64
    public var name: String
    public var note: String?
    public var version: Int

    /// `note` is left out when there is none.
    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .text("name") { $0.name },
        .textIfPresent("note") { $0.note },
        .integer("version") { $0.version },
    ]
}
