import Campaign
import Postgres

/// What the open-data (OC4IDS) package publishes of a visible project: the project with the
/// names of its district, lead department and park.
public struct OpenDataProject: Sendable {
    public var project: ProjectRecord
    /// What the project's OC4IDS id is made of: the code it was created with, never changed by
    /// later writes (migration 0091), so a published id never changes.
    public var publishedKey: String
    public var districtName: String
    public var leadDepartmentName: String
    public var parkName: String?
    public var attachments: [AttachmentRecord] = []
}

/// The projects of the open-data package, read a page at a time in id order so a package of any
/// size is written without holding it whole.
public enum OpenDataQueries {
    /// Up to `limit` visible projects matching `filter` with ids above `afterID`, with their attachments.
    public static func page(_ filter: ProjectQueries.Filter, afterID: Int64, limit: Int, on connection: Connection) throws -> [OpenDataProject] {
        var query: Query = """
            SELECT \(unsafeSQL: ProjectQueries.columns), coalesce(p.oc4ids_key, p.code) AS oc4ids_key, d.name AS district_name,
                   l.name AS lead_department_name, k.name AS park_name
              FROM app.projects p
              JOIN app.agencies d ON d.id = p.district_id
              JOIN app.agencies l ON l.id = p.lead_department_id
              LEFT JOIN app.parks k ON k.id = p.park_id
             WHERE p.id > \(afterID) AND
            """
        query.append(ProjectQueries.condition(filter))
        query.append(" ORDER BY p.id LIMIT \(limit)")
        var projects = try connection.query(query).map { row in
            OpenDataProject(
                project: try ProjectQueries.decode(row), publishedKey: try row.decode("oc4ids_key"),
                districtName: try row.decode("district_name"),
                leadDepartmentName: try row.decode("lead_department_name"), parkName: try row.decode("park_name")
            )
        }
        let attachments = try AttachmentQueries.list(projectIDs: projects.map(\.project.id), on: connection)
        let byProject = Dictionary(grouping: attachments, by: \.projectID)
        for index in projects.indices { projects[index].attachments = byProject[projects[index].project.id] ?? [] }
        return projects
    }
}
