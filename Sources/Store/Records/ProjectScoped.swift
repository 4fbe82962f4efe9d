import Campaign
import Postgres

/// A project's child row listed across projects, with the project it belongs to
/// (`{…the row…, "project": {"id","code","name"}}`).
public struct ProjectScoped<Record: JSONObject & Sendable>: Sendable, JSONObject {
    public var record: Record
    public var project: WarningQueries.ProjectRef

    public func writeMembers(to writer: inout some JSONMemberWriter) throws {
        try record.writeMembers(to: &writer)
        try writer.write("project", encoding: project)
    }
}

extension WarningQueries.ProjectRef {
    /// The project named by the row's `project_id`, `project_code` and `project_name` columns.
    static func decode(_ row: Postgres.Row) throws -> Self {
        .init(id: try row.decode("project_id"), code: try row.decode("project_code"), name: try row.decode("project_name"))
    }
}

extension ProjectScoped where Record: JSONRecord {
    /// The row's schema with its `project`.
    public static var schema: Schema {
        .record(Record.properties.merging(["project": ProjectReference.schema]) { $1 })
    }
}
