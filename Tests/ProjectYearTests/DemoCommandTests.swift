import Foundation
import Postgres
import Testing
import TestSupport

/// `projectyear demo` as scripts/run calls it: the passwords kept in a file only the user reads,
/// and the ended quarters published.
@Suite struct DemoCommandTests {
    @Test func theDemoKeepsItsPasswordsInAFileOnlyTheUserReadsAndPublishesItsEndedQuarters() async throws {
        try await TestDatabase.with { database in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("projectyear-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("demo-passwords.txt").path
            let environment = ["DATABASE_URL": database.url, "DEMO_ADMIN_PASSWORD": "admin-pass-1",
                               "DEMO_EDITOR_PASSWORD": "editor-pass-1", "DEMO_VIEWER_PASSWORD": "viewer-pass-1"]
            // MUT
            let loaded = try ExecutableRunner.run(["demo", "--passwords-file", file], environment: environment)
            // validation
            #expect(loaded.status == 0, "\(loaded.errors)")
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.hasSuffix("admin   admin-pass-1\neditor  editor-pass-1\nviewer  viewer-pass-1\n"), "\(text)")
            #expect(text.contains("projectyear user password --username"))
            let published: String? = try database.connect().query("""
                SELECT string_agg(year || ' ' || period, ', ' ORDER BY year, period) AS runs FROM app.assessment_runs WHERE status = 'published'
                """)[0].decode("runs")
            #expect(loaded.output.contains(published.map { "rankings published: \($0)\n" } ?? "rankings: no period has ended yet"),
                    "\(loaded.output)")
        }
    }

    @Test func aPasswordsFileInAFolderThatIsNotThereIsRefusedBeforeLoading() throws {
        // MUT
        let refused = try ExecutableRunner.run(["demo", "--passwords-file", "/nonexistent-folder/demo-passwords.txt"])
        // validation
        #expect(refused.status != 0)
        #expect(refused.errors.contains("--passwords-file") && refused.errors.contains("/nonexistent-folder"), "\(refused.errors)")
    }
}
