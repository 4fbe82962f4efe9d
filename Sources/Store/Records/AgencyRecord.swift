import Campaign

/// A stored agency: the `AgencySummary` every client sees, with its version.
public struct AgencyRecord: Sendable, Equatable, JSONObject {
    public var summary: AgencySummary
    public var version: Int

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("id", summary.id)
        try writer.write("code", summary.code)
        try writer.write("name", summary.name)
        try writer.write("kind", summary.kind)
        try writer.write("version", version)
    }
}
