import Foundation
import Testing
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The executable's behaviour for operators: clear one-line errors, migrate, serve, shutdown.
@Suite struct CommandLineTests {
    @Test func unknownSubcommandAndFlagAreRefused() throws {
        let subcommand = try ExecutableRunner.run(["frobnicate"])
        #expect(subcommand.status != 0)
        #expect(subcommand.errors.contains("Unexpected argument 'frobnicate'"))
        let flag = try ExecutableRunner.run(["migrate", "--colour"])
        #expect(flag.status != 0)
        #expect(flag.errors.contains("--colour"))
        for command in ["migrate", "serve", "worker"] {
            let help = try ExecutableRunner.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.output.contains("USAGE"))
        }
    }

    @Test func badSettingsNameTheirKey() throws {
        let port = try ExecutableRunner.run(["serve"], environment: ["HTTP_PORT": "eighty"])
        #expect(port.status == 1)
        #expect(port.errors == "projectyear: error: configuration http.port (HTTP_PORT): \"eighty\" must be a whole number in 0…65535\n")
        let pool = try ExecutableRunner.run(["serve"], environment: ["DATABASE_POOL_MAX": "0"])
        #expect(pool.errors.contains("DATABASE_POOL_MAX"))
        let level = try ExecutableRunner.run(["migrate"], environment: ["LOG_LEVEL": "loud"])
        #expect(level.errors.contains("LOG_LEVEL"))
    }

    @Test func badOrUnreachableDatabaseIsOneClearLine() throws {
        let garbage = try ExecutableRunner.run(["migrate"], environment: ["DATABASE_URL": "not a url"])
        #expect(garbage.status == 1)
        #expect(garbage.errors.hasPrefix("projectyear: error: cannot connect to the database (DATABASE_URL)"))
        #expect(garbage.errors.split(separator: "\n").count == 1)
        let unreachable = try ExecutableRunner.run(
            ["migrate"], environment: ["DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"]
        )
        #expect(unreachable.status == 1)
        #expect(unreachable.errors.contains("cannot connect to the database"))
    }

    @Test func migrateTwiceThenServeAndStopGracefully() async throws {
        try await TestDatabase.withEmpty { database in
            let environment = ["DATABASE_URL": database.url, "HTTP_PORT": "0"]
            let first = try ExecutableRunner.run(["migrate"], environment: environment)
            #expect(first.status == 0)
            #expect(first.output.contains("applied"))
            let second = try ExecutableRunner.run(["migrate"], environment: environment)
            #expect(second.output == "database is up to date\n")

            let port = Int.random(in: 20_000...40_000)
            // the server's own login (migration 0019), not the superuser that migrated
            let serving = ["DATABASE_URL": database.url(as: .server), "HTTP_PORT": String(port)]
            let (server, _, _) = try ExecutableRunner.start(["serve"], environment: serving)
            defer { if server.isRunning { server.terminate() } }
            let url = URL(string: "http://127.0.0.1:\(port)/health/ready")!
            var ready = false
            for _ in 0..<100 where !ready {
                if let (_, response) = try? await URLSession.shared.data(from: url) {
                    ready = (response as? HTTPURLResponse)?.statusCode == 200
                } else {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            #expect(ready)
            let busy = try ExecutableRunner.run(["serve"], environment: serving)
            #expect(busy.status == 1)
            #expect(busy.errors.contains("HTTP port \(port) on 127.0.0.1 is already in use"))
            server.terminate()
            server.waitUntilExit()
            #expect(server.terminationStatus == 0)
        }
    }

    @Test func composeServicesUseKnownSettings() throws {
        let root = ExecutableRunner.repositoryRoot
        let compose = try String(contentsOf: root.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("config/app.json")))
        var known: Set<String> = []
        func collect(_ value: Any, _ prefix: [String]) {
            if let object = value as? [String: Any] {
                for (key, child) in object { collect(child, prefix + [key]) }
            } else {
                known.insert(prefix.joined(separator: "_").uppercased())
            }
        }
        collect(config, [])
        // services and their environment blocks
        var services: [String: Set<String>] = [:]
        var service: String?
        var inEnvironment = false
        for line in compose.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix(while: { $0 == " " }).count
            let text = line.trimmingCharacters(in: .whitespaces)
            if indent == 2, text.hasSuffix(":"), !text.hasPrefix("#") {
                service = String(text.dropLast())
                services[service!, default: []] = []
                inEnvironment = false
            } else if indent == 4 {
                inEnvironment = text == "environment:"
            } else if indent == 6, inEnvironment, let service, let colon = text.firstIndex(of: ":") {
                services[service, default: []].insert(String(text[..<colon]))
            }
        }
        #expect(Set(services.keys).isSuperset(of: ["postgres", "migrate", "server", "worker"]))
        for name in ["migrate", "server", "worker"] {
            let unknown = services[name, default: []].subtracting(known)
            #expect(unknown.isEmpty, "service \(name) sets unknown variables \(unknown.sorted())")
            #expect(services[name, default: []].contains("DATABASE_URL"))
        }
        #expect(compose.contains("service_healthy"))
        #expect(compose.contains("service_completed_successfully"))
    }
}
