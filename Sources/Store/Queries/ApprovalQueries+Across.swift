import Campaign
import Postgres

extension ApprovalQueries {
    /// Filters of `GET /approvals`; nil means no filter.
    public struct Filter: Sendable {
        public var departmentID: Int64?
        public var districtID: Int64?
        public var kind: ApprovalKind?
        public var status: ApprovalStatus?

        public init(departmentID: Int64? = nil, districtID: Int64? = nil, kind: ApprovalKind? = nil, status: ApprovalStatus? = nil) {
            self.departmentID = departmentID
            self.districtID = districtID
            self.kind = kind
            self.status = status
        }
    }

    /// `WHERE …` selecting approvals (`a`) of projects (`p`) that match `filter`.
    static func condition(_ filter: Filter) -> Query {
        """
         WHERE (\(filter.departmentID)::bigint IS NULL OR a.department_id = \(filter.departmentID))
           AND (\(filter.districtID)::bigint IS NULL OR p.district_id = \(filter.districtID))
           AND (\(filter.kind?.rawValue)::text IS NULL OR a.kind = \(filter.kind?.rawValue))
           AND (\(filter.status?.rawValue)::text IS NULL OR a.status = \(filter.status?.rawValue))
        """
    }

    /// The visible approvals matching `filter` across projects, by project code, with processing days.
    public static func across(_ filter: Filter, limit: Int, offset: Int, on connection: Connection) throws -> (items: [ProjectScoped<ApprovalRecord>], total: Int) {
        var query = Query(sql: """
            SELECT \(columns), p.code AS project_code, p.name AS project_name, count(*) OVER () AS total
              FROM app.approvals a JOIN app.projects p ON p.id = a.project_id

            """)
        query.append(condition(filter))
        query.append(" ORDER BY p.code, a.id LIMIT \(limit) OFFSET \(offset)")
        let rows = try connection.query(query)
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? across(filter, limit: 1, offset: 0, on: connection).total : 0)
        return (try rows.map { ProjectScoped(record: try decode($0), project: try .decode($0)) }, total)
    }
}
