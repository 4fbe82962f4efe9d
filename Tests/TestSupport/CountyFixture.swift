import HummingbirdBcrypt
import Postgres

/// A small county seeded as the superuser: one county, three departments, two districts, a
/// user per agency and role, the category → lead department mapping, one park per district.
///
/// Usernames are `<code>-<role>` in lower case (`d1-editor`); every password is `password`.
public struct CountyFixture: Sendable {
    public struct Agency: Sendable {
        public var id: Int64
        public var code: String
        public var kind: String
    }

    public var county: Agency
    /// Development and reform (lead of infrastructure and services).
    public var drc: Agency
    /// Industry and IT (lead of industry).
    public var industry: Agency
    /// Agriculture (lead of agriculture).
    public var agriculture: Agency
    public var district1: Agency
    public var district2: Agency
    public var park1: Int64
    public var park2: Int64

    public static let password = "password"
    public static let roles = ["admin", "editor", "viewer"]
    /// One bcrypt hash (cost 4, for speed) shared by every fixture user.
    static let passwordHash = Bcrypt.hash(password, cost: 4)

    public var agencies: [Agency] { [county, drc, industry, agriculture, district1, district2] }

    public static func username(_ agency: Agency, _ role: String) -> String {
        "\(agency.code.lowercased())-\(role)"
    }

    /// Seeds the county into a migrated database.
    public static func seed(on connection: Connection) throws -> CountyFixture {
        func agency(_ code: String, _ name: String, _ kind: String) throws -> Agency {
            let id: Int64 = try connection.query(
                "INSERT INTO app.agencies (code, name, kind) VALUES (\(code), \(name), \(kind)) RETURNING id"
            )[0].decode("id")
            for role in roles {
                try connection.execute("""
                    INSERT INTO app.users (agency_id, username, display_name, role, password_hash)
                    VALUES (\(id), \("\(code.lowercased())-\(role)"), \("\(name) \(role)"), \(role), \(passwordHash))
                    """)
            }
            return Agency(id: id, code: code, kind: kind)
        }
        let county = try agency("CTY", "县人民政府", "county")
        let drc = try agency("DRC", "发展和改革局", "department")
        let industry = try agency("IIT", "工业和信息化局", "department")
        let agriculture = try agency("AGR", "农业农村局", "department")
        let district1 = try agency("D1", "南明区", "district")
        let district2 = try agency("D2", "花溪区", "district")
        for (category, department) in [("infrastructure", drc), ("services", drc), ("industry", industry), ("agriculture", agriculture)] {
            try connection.execute(
                "INSERT INTO app.category_lead_departments (category, department_id) VALUES (\(category), \(department.id))"
            )
        }
        func park(_ name: String, _ district: Agency) throws -> Int64 {
            try connection.query(
                "INSERT INTO app.parks (name, district_id, standard) VALUES (\(name), \(district.id), 'six_one') RETURNING id"
            )[0].decode("id")
        }
        return CountyFixture(
            county: county, drc: drc, industry: industry, agriculture: agriculture, district1: district1,
            district2: district2, park1: try park("南明工业园", district1), park2: try park("花溪物流园", district2)
        )
    }
}
