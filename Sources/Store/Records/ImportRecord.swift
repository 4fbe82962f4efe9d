import Campaign
import Foundation

/// A recorded import: who, when, which file, what it did.
public struct ImportRecord: Sendable, JSONObject {
    public var id: Int64
    public var kind: String
    public var month: Month?
    public var fileName: String
    public var sha256: String
    public var summary: ImportQueries.Summary
    public var agencyID: Int64
    public var user: UserReference?
    public var at: Date

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try writer.write("id", id)
        try writer.write("kind", kind)
        try writer.write("month", month)
        try writer.write("file_name", fileName)
        try writer.write("sha256", sha256)
        try writer.write("rows", summary.rows)
        try writer.write("created", summary.created)
        try writer.write("replaced", summary.replaced)
        try writer.write("unchanged", summary.unchanged)
        try writer.write("agency_id", agencyID)
        try writer.write("user", encoding: user)
        try writer.write("at", at)
    }
}
