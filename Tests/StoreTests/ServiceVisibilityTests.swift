import Campaign
import Postgres
import Store
import Testing
import TestSupport

/// Service responsibility (包保, migration 0070): a department sees the projects one of its users
/// serves as commissioner, as it sees projects it leads — through the API's queries and through
/// an analyst's reporting views alike, because row-level security decides both.
@Suite struct ServiceVisibilityTests {
    /// AGR sees only P4 in the world; its editor becomes P5's commissioner (SV5's, in place of IIT's).
    func serve(_ world: World, on connection: Connection) throws {
        try connection.execute("""
            UPDATE app.project_service SET commissioner_user_id = \(world.userIDs["agr-editor"]!) WHERE id = \(world.id("SV5"))
            """)
    }

    func codes(_ query: Query, on connection: Connection) throws -> [String] {
        try connection.query(query).map { try $0.decode("code", as: String.self) }
    }

    @Test func theCommissionersDepartmentSeesTheProjectAndItsRecords() async throws {
        try await TestDatabase.with { database in
            // setup
            let connection = try database.connect()
            defer { connection.close() }
            let world = try World.seed(on: connection)
            let agriculture = world.user("AGR", .viewer).caller
            let before = try ActingAs.transaction(agriculture, on: connection) {
                try codes("SELECT code FROM app.projects ORDER BY code", on: $0)
            }
            // MUT
            try serve(world, on: connection)
            // validate
            let after = try ActingAs.transaction(agriculture, on: connection) {
                try codes("SELECT code FROM app.projects ORDER BY code", on: $0)
            }
            #expect(before == ["P4"])
            #expect(after == ["P4", "P5"])
            let reports = try ActingAs.transaction(agriculture, on: connection) {
                try $0.query("SELECT count(*)::int AS n FROM app.monthly_reports WHERE project_id = \(world.id("P5"))")[0].decode("n", as: Int.self)
            }
            #expect(reports == 1)
            let drc = try ActingAs.transaction(world.user("DRC", .viewer).caller, on: connection) {
                try codes("SELECT code FROM app.projects ORDER BY code", on: $0)
            }
            #expect(drc == ["P1", "P3"], "another department sees no more than before")
        }
    }

    @Test func anAnalystOfTheCommissionersDepartmentSeesItInReporting() async throws {
        try await TestDatabase.with { database in
            // setup
            let connection = try database.connect()
            defer { connection.close() }
            let world = try World.seed(on: connection)
            let login = Cluster.uniqueLogin("agr")
            defer { Cluster.dropRoles([login]) }
            _ = try AnalystQueries.add(agencyCode: "AGR", login: login, password: "s3cret-enough", on: connection)
            let analyst = try Connection.connect(url: "dbname=\(database.name) user=\(login)")
            defer { analyst.close() }
            #expect(try codes("SELECT code FROM reporting.projects ORDER BY code", on: analyst) == ["P4"])
            // MUT
            try serve(world, on: connection)
            // validate
            #expect(try codes("SELECT code FROM reporting.projects ORDER BY code", on: analyst) == ["P4", "P5"])
            #expect(try codes("SELECT DISTINCT code FROM reporting.monthly_progress ORDER BY code", on: analyst) == ["P4", "P5"])
        }
    }
}
