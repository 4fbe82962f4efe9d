import Foundation
import Postgres


/// Creates the migrated template once and clones it for each test, one `CREATE DATABASE` at a time.
actor TemplateRegistry {
    static let shared = TemplateRegistry()
    private var templateName: String?
    private var counter = 0
    private let runID = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    func cloneMigrated() throws -> TestDatabase {
        let template = try migratedTemplate()
        return try create(from: template)
    }

    func createEmpty() throws -> TestDatabase {
        try create(from: "template0")
    }

    func drop(_ name: String) throws {
        let admin = try Connection.connect(url: TestDatabase.adminURL)
        try admin.simpleQuery("DROP DATABASE IF EXISTS \(try admin.escapeIdentifier(name)) WITH (FORCE)")
    }

    private func create(from template: String) throws -> TestDatabase {
        counter += 1
        let name = "test_\(runID)_\(counter)"
        let admin = try Connection.connect(url: TestDatabase.adminURL)
        try admin.simpleQuery(
            "CREATE DATABASE \(try admin.escapeIdentifier(name)) TEMPLATE \(try admin.escapeIdentifier(template)) STRATEGY FILE_COPY"
        )
        return TestDatabase(url: "dbname=\(name)", name: name)
    }

    private func migratedTemplate() throws -> String {
        if let templateName { return templateName }
        let name = "template_\(runID)"
        let admin = try Connection.connect(url: TestDatabase.adminURL)
        try admin.simpleQuery("CREATE DATABASE \(try admin.escapeIdentifier(name))")
        do {
            let connection = try Connection.connect(url: "dbname=\(name)")
            try Migrator(folder: TestDatabase.migrationsFolder).migrate(connection)
            connection.close()
        }
        templateName = name
        return name
    }
}
