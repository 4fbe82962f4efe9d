import Campaign

/// A stored agency: the `AgencySummary` every client sees, with its version.
public struct AgencyRecord: Sendable, Equatable, JSONObject {
    public var summary: AgencySummary
    /// The 6-digit administrative division code (行政区划代码), when recorded.
    public var divisionCode: String?
    public var version: Int

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("id", summary.id)
        try writer.write("code", summary.code)
        try writer.write("name", summary.name)
        try writer.write("kind", summary.kind)
        try writer.write("division_code", divisionCode)
        try writer.write("version", version)
    }
}
