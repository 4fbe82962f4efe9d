import API
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Postgres
import Prometheus
import ServiceLifecycle
import Store
import Synchronization
import TestSupport

/// The real HTTP server (`buildApplication`, as `projectyear serve` builds it) on a free port of
/// 127.0.0.1, for tests that speak raw TCP to it.
enum LiveServer {
    static func run(limits: ServerLimits, _ body: @Sendable (Int) async throws -> Void) async throws {
        try await runSeeded(limits: limits) { port, _ in try await body(port) }
    }

    /// `run` on the seeded county of `CountyFixture`, for tests that sign in.
    static func runSeeded(limits: ServerLimits, _ body: @Sendable (Int, CountyFixture) async throws -> Void) async throws {
        try await TestDatabase.with { database in
            let fixture = try CountyFixture.seed(on: try database.connect())
            let port = Mutex<Int?>(nil)
            let app = buildApplication(
                configuration: .init(address: .hostname("127.0.0.1", port: 0)), dependencies: try dependencies(database), limits: limits,
                onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } }
            )
            try await serve(app, port: port) { bound, _ in try await body(bound, fixture) }
        }
    }

    /// The server's dependencies on `database`, its pool logging in as `projectyear serve` does.
    static func dependencies(_ database: TestDatabase) throws -> AppDependencies {
        AppDependencies(
            database: Database(pool: database.makePool(as: .server)), migrator: try Migrator(folder: TestDatabase.migrationsFolder),
            metrics: PrometheusCollectorRegistry()
        )
    }

    /// Runs `app` (whose `onServerRunning` puts the port it bound in `port`) until `body`, given
    /// that port and the service group, returns; then shuts the group down gracefully.
    static func serve(
        _ app: some Service, port: borrowing Mutex<Int?>, _ body: (Int, ServiceGroup) async throws -> Void
    ) async throws {
        let group = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask(executorPreference: ServerExecutor.shared) { try await group.run() }  // threads no test body blocks
            var bound: Int?
            while bound == nil {
                try await Task.sleep(for: .milliseconds(20))
                bound = port.withLock { $0 }
            }
            do {
                try await body(bound!, group)
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}

/// A raw TCP connection: bytes out as written, bytes in as they come, and whether the server
/// has closed it.
final class RawConnection: Sendable {
    let channel: any Channel
    private let received: NIOLockedValueBox<String>

    private init(channel: any Channel, received: NIOLockedValueBox<String>) {
        self.channel = channel
        self.received = received
    }

    static func open(port: Int) async throws -> RawConnection {
        let received = NIOLockedValueBox("")
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(received)) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, received: received)
    }

    func send(_ text: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: text))
    }

    func send(bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
    }

    /// Sends `bytes` `size` at a time, a piece every `interval`, paced by a thread of its own: on
    /// a loaded machine a task's sleep can be held up for seconds by Swift's busy executor, and
    /// the server would rightly take the silence for a stalled client.
    func send(bytes: [UInt8], inPiecesOf size: Int, every interval: TimeInterval) async throws {
        let channel = self.channel
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            Thread.detachNewThread {
                do {
                    for start in stride(from: 0, to: bytes.count, by: size) {
                        try channel.writeAndFlush(ByteBuffer(bytes: bytes[start..<min(start + size, bytes.count)])).wait()
                        Thread.sleep(forTimeInterval: interval)
                    }
                    done.resume()
                } catch {
                    done.resume(throwing: error)
                }
            }
        }
    }

    /// Signs in as `<agency>-<role>` on a connection of its own and returns the token.
    static func signIn(port: Int, _ agency: CountyFixture.Agency, _ role: String) async throws -> String {
        let connection = try await open(port: port)
        defer { Task { await connection.close() } }
        let body = #"{"username":"\#(CountyFixture.username(agency, role))","password":"\#(CountyFixture.password)"}"#
        try await connection.send("""
            POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)
            """)
        let text = try await connection.read(until: "}", within: .seconds(30))
        guard let start = text.range(of: #""token":""#), let end = text[start.upperBound...].firstIndex(of: "\"") else {
            throw RawHTTP.Failure(what: "sign-in answered \(text)")
        }
        return String(text[start.upperBound..<end])
    }

    /// Everything received so far.
    var text: String { received.withLockedValue { $0 } }

    /// Whether the server has closed the connection within `limit` from now.
    func closes(within limit: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + limit
        while channel.isActive, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        return !channel.isActive
    }

    /// Waits until `text` contains `fragment` (or `limit` passes) and returns what arrived.
    func read(until fragment: String, within limit: Duration = .seconds(5)) async throws -> String {
        let deadline = ContinuousClock.now + limit
        while !text.contains(fragment), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        return text
    }

    func close() async {
        try? await channel.close()
    }

    private final class Collector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let received: NIOLockedValueBox<String>
        init(_ received: NIOLockedValueBox<String>) { self.received = received }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let text = String(buffer: unwrapInboundIn(data))
            received.withLockedValue { $0 += text }
        }
    }
}
