import Campaign
import Foundation

/// A recorded import: who, when, which file, what it did.
public struct ImportRecord: Sendable {
    public var id: Int64
    public var kind: ImportKind
    public var month: Month?
    public var fileName: String
    public var sha256: String
    public var summary: ImportQueries.Summary
    public var agencyID: Int64
    public var user: UserReference?
    public var at: Date
}

extension ImportRecord: JSONRecord {
    public static let members: [JSONMember<Self>] = [
        .id("id") { $0.id },
        .choice("kind") { $0.kind },
        .month("month") { $0.month },
        .text("file_name") { $0.fileName },
        .text("sha256") { $0.sha256 },
        .integer("rows") { $0.summary.rows },
        .integer("created") { $0.summary.created },
        .integer("replaced") { $0.summary.replaced },
        .integer("unchanged") { $0.summary.unchanged },
        .id("agency_id") { $0.agencyID },
        .nested("user", component: "UserReference") { $0.user },
        .timestamp("at") { $0.at },
    ]
}
