import Campaign
import Postgres

extension MonthlyReportQueries {
    /// The month's reports of the visible projects matching `filter` (only those in `status` when
    /// it is given), by project code.
    public static func month(
        _ month: Month, status: ReportStatus?, filter: ProjectQueries.Filter, limit: Int, offset: Int, on connection: Connection
    ) throws -> (items: [ProjectScoped<MonthlyReportRecord>], total: Int) {
        var query: Query = """
            SELECT q.*, p.code AS project_code, p.name AS project_name, count(*) OVER () AS total
              FROM (\(unsafeSQL: select) WHERE r.month = \(month)) q
              JOIN app.projects p ON p.id = q.project_id

            """
        query.append(" WHERE ")
        if let status { query.append("q.status = \(status.rawValue) AND ") }
        query.append(ProjectQueries.condition(filter))
        query.append(" ORDER BY p.code LIMIT \(limit) OFFSET \(offset)")
        let rows = try connection.query(query)
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? Self.month(month, status: status, filter: filter, limit: 1, offset: 0, on: connection).total : 0)
        return (try rows.map { ProjectScoped(record: try decode($0), project: try .decode($0)) }, total)
    }
}
