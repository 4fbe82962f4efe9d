import Campaign

/// A stored agency: the `AgencySummary` every client sees, with its version.
public struct AgencyRecord: Sendable, Equatable, Encodable {
    public var summary: AgencySummary
    public var version: Int

    enum CodingKeys: String, CodingKey { case version }

    public func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
    }
}
