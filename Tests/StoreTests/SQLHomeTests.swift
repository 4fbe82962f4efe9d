import Foundation
import Testing

/// SQL has one home: `Store`'s query types (and the driver, `Postgres`, and `sql/`). No other
/// module (the API, the worker, the demo, the CLI) sends a statement of its own.
@Suite struct SQLHomeTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")
    /// What a statement sent from Swift looks like: a call that sends one, or SQL's first words.
    static let statement = #"connection\.(query|execute|copyIn|pipeline|enqueue)\(|"(SELECT|INSERT INTO|UPDATE app|DELETE FROM|COPY app|LOCK TABLE|WITH \w+ AS) "#

    @Test func noModuleButStoreSendsSQL() throws {
        // setup
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { !["Store", "Postgres", "CLibPQ"].contains($0) }
        let statement = try Regex(Self.statement)
        var found: [String] = []
        // MUT
        for module in modules {
            let folder = Self.sources.appendingPathComponent(module)
            for case let path as String in FileManager.default.enumerator(atPath: folder.path) ?? .init() where path.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(statement) {
                    found.append("\(module)/\(path):\(number + 1)")
                }
            }
        }
        // validate
        #expect(!modules.isEmpty)
        #expect(found == [], "SQL outside Store: \(found)")
    }
}
