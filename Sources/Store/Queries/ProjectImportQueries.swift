import Campaign
import Foundation
import Postgres

/// The projects import: rows copied into a temporary table, checked in one statement, merged by
/// code in one statement, under the caller's row-level security.
public enum ProjectImportQueries {
    /// One validated sheet row: the project's fields and the version it was downloaded at.
    public struct Row: Sendable {
        public var row: Int
        public var fields: ProjectFields
        public var version: Int?

        public init(row: Int, fields: ProjectFields, version: Int?) {
            self.row = row
            self.fields = fields
            self.version = version
        }
    }

    /// Why a row cannot be written.
    public enum Verdict: String, Sendable {
        /// The code belongs to a project the caller cannot see.
        case codeTaken = "code_taken"
        /// The project is visible but the caller may not change it, or may not create it there.
        case notWritable = "not_writable"
        case versionMissing = "version_missing"
        case stale
        /// A version is given for a code no project has.
        case noProject = "no_project"
        /// The row moves the project to another district, which only the county may do.
        case movesDistrict = "moves_district"
    }

    public struct Checked: Sendable {
        public var rejections: [(row: Int, verdict: Verdict, currentVersion: Int?)]
        /// Stages of the projects to be replaced, by sheet row, for the stage rules.
        public var currentStages: [Int: Stage]
        public var created = 0
        public var replaced = 0
        public var unchanged = 0
    }

    static let fieldColumns = """
        code, name, owner, category, industry, stage, major, district_id, lead_department_id, park_id, total_investment,
        planned_start, planned_completion, actual_start, actual_completion, land_area, eia_class, green_channel, central_soe,
        national_code
        """

    /// Whether a staged row (`sheet`) holds what the stored project (`stored`) holds; an empty
    /// lead department keeps the stored one.
    static func same(stored p: String, sheet s: String) -> String {
        let columns = fieldColumns.split(separator: ",").map { $0.trimmingWhiteSpace() }
        let sheet = columns.map { $0 == "lead_department_id" ? "coalesce(\(s).\($0), \(p).\($0))" : "\(s).\($0)" }
        return "(" + columns.map { "\(p).\($0)" }.joined(separator: ", ") + ") IS NOT DISTINCT FROM (" + sheet.joined(separator: ", ") + ")"
    }

    public static func stage(_ rows: [Row], on connection: Connection) throws {
        try connection.execute("""
            CREATE TEMPORARY TABLE import_projects (
                row integer PRIMARY KEY, version integer, code text NOT NULL, name text NOT NULL, owner text NOT NULL,
                category text NOT NULL, industry text, stage text NOT NULL, major boolean NOT NULL, district_id bigint NOT NULL,
                lead_department_id bigint, park_id bigint, total_investment numeric(16,2) NOT NULL, planned_start date,
                planned_completion date, actual_start date, actual_completion date, land_area numeric(12,2), eia_class text,
                green_channel boolean NOT NULL, central_soe boolean NOT NULL, national_code text
            ) ON COMMIT DROP
            """)
        try connection.copyIn("COPY pg_temp.import_projects (row, version, \(fieldColumns)) FROM STDIN") { line in
            for row in rows {
                let f = row.fields
                let values: [String?] = [
                    String(row.row), row.version.map(String.init), f.code, f.name, f.owner, f.category.rawValue, f.industry,
                    f.stage.rawValue, String(f.major), String(f.districtID), f.leadDepartmentID.map(String.init),
                    f.parkID.map(String.init), "\(f.totalInvestment)", f.plannedStart?.description, f.plannedCompletion?.description,
                    f.actualStart?.description, f.actualCompletion?.description, f.landArea.map { "\($0)" }, f.eiaClass,
                    String(f.greenChannel), String(f.centralSOE), f.nationalCode,
                ]
                try line(values.map(String.copyField).joined(separator: "\t"))
            }
        }
    }

    /// Checks every staged row in one statement. An existing project is locked the way an update
    /// would reach it (its update policy); a new one must be placed where the caller may create
    /// projects. A row equal to the stored project is unchanged whatever its version, once the
    /// caller may write it.
    public static func check(on connection: Connection) throws -> Checked {
        let rows = try connection.query("""
            SELECT i.row, v.version AS current_version, v.stage AS current_stage,
                   CASE WHEN v.id IS NULL AND i.code = ANY (app.taken_project_codes(ARRAY(SELECT code FROM pg_temp.import_projects)))
                             THEN 'code_taken'
                        -- a row the caller may not write is refused even when it would change nothing
                        WHEN v.id IS NOT NULL AND w.id IS NULL THEN 'not_writable'
                        WHEN v.id IS NOT NULL AND \(unsafeSQL: same(stored: "v", sheet: "i")) THEN 'unchanged'
                        WHEN v.id IS NOT NULL AND i.district_id <> v.district_id AND NOT (select app.is_county()) THEN 'moves_district'
                        WHEN v.id IS NULL AND i.version IS NOT NULL THEN 'no_project'
                        WHEN v.id IS NULL AND ((select app.can_write()) AND ((select app.is_county()) OR i.district_id = (select app.my_district())))
                             THEN 'create'
                        WHEN v.id IS NULL OR w.id IS NULL THEN 'not_writable'
                        WHEN i.version IS NULL THEN 'version_missing'
                        WHEN i.version <> v.version THEN 'stale'
                        ELSE 'replace' END AS verdict
              FROM pg_temp.import_projects i
              LEFT JOIN app.projects v ON v.code = i.code
              LEFT JOIN LATERAL (SELECT p.id FROM app.projects p WHERE p.id = v.id FOR NO KEY UPDATE) w ON true
             ORDER BY i.row
            """)
        var checked = Checked(rejections: [], currentStages: [:])
        for row in rows.rows {
            let number: Int = try row.decode("row")
            switch try row.decode("verdict", as: String.self) {
            case "create": checked.created += 1
            case "unchanged": checked.unchanged += 1
            case "replace":
                checked.replaced += 1
                checked.currentStages[number] = try row.decode("current_stage")
            case let verdict:
                checked.rejections.append((number, Verdict(rawValue: verdict) ?? .notWritable, try row.decode("current_version")))
            }
        }
        return checked
    }

    /// Creates and replaces the checked projects in one MERGE by code; returns the rows written.
    public static func merge(on connection: Connection) throws -> Int {
        try connection.execute("""
            MERGE INTO app.projects p
            USING pg_temp.import_projects s ON p.code = s.code
             WHEN MATCHED AND p.version = s.version AND NOT \(unsafeSQL: same(stored: "p", sheet: "s")) THEN
                  UPDATE SET name = s.name, owner = s.owner, category = s.category, industry = s.industry, stage = s.stage,
                             major = s.major, district_id = s.district_id,
                             lead_department_id = coalesce(s.lead_department_id, p.lead_department_id), park_id = s.park_id,
                             total_investment = s.total_investment, planned_start = s.planned_start,
                             planned_completion = s.planned_completion, actual_start = s.actual_start,
                             actual_completion = s.actual_completion, land_area = s.land_area, eia_class = s.eia_class,
                             green_channel = s.green_channel, central_soe = s.central_soe,
                             national_code = s.national_code, import_row = s.row
             WHEN NOT MATCHED THEN
                  INSERT (\(unsafeSQL: fieldColumns), import_row)
                  VALUES (s.code, s.name, s.owner, s.category, s.industry, s.stage, s.major, s.district_id, s.lead_department_id,
                          s.park_id, s.total_investment, s.planned_start, s.planned_completion, s.actual_start,
                          s.actual_completion, s.land_area, s.eia_class, s.green_channel, s.central_soe, s.national_code, s.row)
            """)
    }
}

extension ProjectImportQueries {
    /// Names a projects sheet uses for agencies and parks, to their ids.
    public struct Names: Sendable {
        /// Agencies by name and by code, with their kind.
        public var agencies: [String: (id: Int64, kind: AgencyKind)] = [:]
        public var parks: [String: Int64] = [:]
    }

    /// Every agency (by name and code) and park (by name); all are visible to every caller.
    public static func names(on connection: Connection) throws -> Names {
        var names = Names()
        for row in try connection.query("SELECT id, code, name, kind FROM app.agencies ORDER BY id").rows {
            let entry: (Int64, AgencyKind) = (try row.decode("id"), try row.decode("kind"))
            names.agencies[try row.decode("code")] = entry
            let name: String = try row.decode("name")
            if names.agencies[name] == nil { names.agencies[name] = entry }
        }
        for row in try connection.query("SELECT id, name FROM app.parks").rows {
            names.parks[try row.decode("name")] = try row.decode("id")
        }
        return names
    }
}
