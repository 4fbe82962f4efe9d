import Campaign
import Foundation
import Postgres

/// Projects: list, read, create and update, under the caller's row-level security.
public enum ProjectQueries {
    /// Filters of `GET /projects`; nil means no filter.
    public struct Filter: Sendable {
        public var districtID: Int64?
        public var leadDepartmentID: Int64?
        public var category: ProjectCategory?
        public var stage: Stage?
        public var major: Bool?
        public var parkID: Int64?
        public var text: String?

        public init(
            districtID: Int64? = nil, leadDepartmentID: Int64? = nil, category: ProjectCategory? = nil, stage: Stage? = nil,
            major: Bool? = nil, parkID: Int64? = nil, text: String? = nil
        ) {
            self.districtID = districtID
            self.leadDepartmentID = leadDepartmentID
            self.category = category
            self.stage = stage
            self.major = major
            self.parkID = parkID
            self.text = text
        }
    }

    static let columns = """
        p.id, p.version, p.updated_at, p.code, p.name, p.owner, p.category, p.industry, p.stage, p.major,
        p.district_id, p.lead_department_id, p.park_id, p.total_investment, p.planned_start, p.planned_completion,
        p.actual_start, p.actual_completion, p.land_area, p.eia_class, p.green_channel, p.central_soe, p.national_code
        """

    /// The condition of `filter` on projects aliased `p`, to splice into a query's WHERE clause
    /// (the plan list filters its projects the same way).
    public static func condition(_ filter: Filter) -> Query {
        let pattern = filter.text.map { "%" + $0.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%" }
        return """
            (\(filter.districtID)::bigint IS NULL OR p.district_id = \(filter.districtID))
               AND (\(filter.leadDepartmentID)::bigint IS NULL OR p.lead_department_id = \(filter.leadDepartmentID))
               AND (\(filter.category?.rawValue)::text IS NULL OR p.category = \(filter.category?.rawValue))
               AND (\(filter.stage?.rawValue)::text IS NULL OR p.stage = \(filter.stage?.rawValue))
               AND (\(filter.major)::boolean IS NULL OR p.major = \(filter.major))
               AND (\(filter.parkID)::bigint IS NULL OR p.park_id = \(filter.parkID))
               AND (\(pattern)::text IS NULL OR p.name ILIKE \(pattern) OR p.code ILIKE \(pattern) OR p.national_code ILIKE \(pattern))
            """
    }

    /// The visible projects matching `filter`, ordered by code, and how many match in all. The
    /// rows have `columns` (a `ProjectRecord` without the year's money, `decode` reads them) and
    /// are written out as they are (the API's `RecordRows`). `last`: the caller sends nothing
    /// after it, so a page read in one statement (every first page) carries the transaction's
    /// `COMMIT` (`Connection.commitWithNextStatement`): one message to PostgreSQL instead of two.
    public static func list(
        _ filter: Filter, limit: Int, offset: Int, last: Bool = false, on connection: Connection
    ) throws -> (rows: ResultSet, total: Int) {
        // The window count needs every matching row, so the page is cut from a subquery: written
        // flat, the planner costs "ORDER BY code LIMIT n" as if it could stop early and walks the
        // whole code index through the row-level security filter (docs/BENCHMARKS.md).
        var query: Query = "SELECT * FROM (SELECT \(unsafeSQL: columns), count(*) OVER () AS total FROM app.projects p WHERE "
        query.append(condition(filter))
        query.append(") p ORDER BY p.code LIMIT \(limit) OFFSET \(offset)")
        // Only a later page can come back empty and need the count asked again.
        if last, offset == 0 { connection.commitWithNextStatement() }
        let rows = try connection.query(query)
        // A page past the end carries no window count: ask for the first page's.
        let total = try rows.first?.decode("total", as: Int.self)
            ?? (offset > 0 ? list(filter, limit: 1, offset: 0, on: connection).total : 0)
        return (rows, total)
    }

    /// One visible project with its year-to-date investment, or nil.
    public static func find(id: Int64, on connection: Connection) throws -> ProjectRecord? {
        let rows = try connection.query("""
            SELECT \(unsafeSQL: columns),
                   (SELECT coalesce(sum(r.investment_completed), 0) FROM app.monthly_reports r
                     WHERE r.project_id = p.id
                       AND r.month >= date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai')::date) AS ytd
              FROM app.projects p WHERE p.id = \(id)
            """)
        guard let row = rows.first else { return nil }
        var record = try decode(row)
        record.yearToDateInvestment = try row.decode("ytd", as: Decimal.self)
        return record
    }

    /// Inserts a project and returns it.
    public static func insert(_ fields: ProjectFields, on connection: Connection) throws -> ProjectRecord {
        let rows = try connection.query("""
            INSERT INTO app.projects AS p (code, name, owner, category, industry, stage, major, district_id,
                lead_department_id, park_id, total_investment, planned_start, planned_completion, actual_start,
                actual_completion, land_area, eia_class, green_channel, central_soe, national_code)
            VALUES (\(fields.code), \(fields.name), \(fields.owner), \(fields.category.rawValue), \(fields.industry),
                \(fields.stage.rawValue), \(fields.major), \(fields.districtID), \(fields.leadDepartmentID), \(fields.parkID),
                \(fields.totalInvestment), \(fields.plannedStart), \(fields.plannedCompletion), \(fields.actualStart),
                \(fields.actualCompletion), \(fields.landArea), \(fields.eiaClass), \(fields.greenChannel), \(fields.centralSOE),
                \(fields.nationalCode))
            RETURNING \(unsafeSQL: columns)
            """)
        return try decode(rows[0])
    }

    /// Updates a project if it is still at `version`; nil when no row was changed (stale
    /// version, or a row the caller may see but not write).
    public static func update(id: Int64, version: Int, to fields: ProjectFields, on connection: Connection) throws -> ProjectRecord? {
        let rows = try connection.query("""
            UPDATE app.projects AS p SET code = \(fields.code), name = \(fields.name), owner = \(fields.owner),
                category = \(fields.category.rawValue), industry = \(fields.industry), stage = \(fields.stage.rawValue),
                major = \(fields.major), district_id = \(fields.districtID), lead_department_id = \(fields.leadDepartmentID),
                park_id = \(fields.parkID), total_investment = \(fields.totalInvestment), planned_start = \(fields.plannedStart),
                planned_completion = \(fields.plannedCompletion), actual_start = \(fields.actualStart),
                actual_completion = \(fields.actualCompletion), land_area = \(fields.landArea), eia_class = \(fields.eiaClass),
                green_channel = \(fields.greenChannel), central_soe = \(fields.centralSOE),
                national_code = \(fields.nationalCode)
             WHERE p.id = \(id) AND p.version = \(version)
            RETURNING \(unsafeSQL: columns)
            """)
        return try rows.first.map(decode)
    }

    static func decode(_ row: Row) throws -> ProjectRecord {
        ProjectRecord(
            id: try row.decode("id"), version: try row.decode("version"),
            fields: ProjectFields(
                code: try row.decode("code"), name: try row.decode("name"), owner: try row.decode("owner"),
                category: try row.decode("category"), industry: try row.decode("industry"), stage: try row.decode("stage"),
                major: try row.decode("major"), districtID: try row.decode("district_id"),
                leadDepartmentID: try row.decode("lead_department_id"), parkID: try row.decode("park_id"),
                totalInvestment: try row.decode("total_investment"), plannedStart: try row.decode("planned_start"),
                plannedCompletion: try row.decode("planned_completion"), actualStart: try row.decode("actual_start"),
                actualCompletion: try row.decode("actual_completion"), landArea: try row.decode("land_area"),
                eiaClass: try row.decode("eia_class"), greenChannel: try row.decode("green_channel"),
                centralSOE: try row.decode("central_soe"), nationalCode: try row.decode("national_code")
            ),
            updatedAt: try row.decode("updated_at"),
            yearToDateInvestment: nil
        )
    }
}
