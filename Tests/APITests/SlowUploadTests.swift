import API
import Foundation
import Testing
import TestSupport

/// Uploads over raw TCP against the real server: a body on its way holds no database connection,
/// honest slow bodies finish while stalled ones are answered 408, and a 413 closes at once.
@Suite struct SlowUploadTests {
    /// The head of an attachment upload declaring `length` bytes.
    static func uploadHead(project: Int = 1, token: String, length: Int) -> String {
        "POST /api/v1/projects/\(project)/attachments?filename=x.png HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: image/png\r\nContent-Length: \(length)\r\n\r\n"
    }

    @Test func stalledUploadsHoldNoDatabaseConnection() async throws {
        // the server's pool has 4 connections; six uploads stall after their first 40 bytes
        let limits = ServerLimits(bodyStallTimeout: .seconds(60), maxConnections: 64)
        try await LiveServer.runSeeded(limits: limits) { port, fixture in
            let token = try await RawConnection.signIn(port: port, fixture.district1, "editor")
            let project = try await RawConnection.open(port: port)
            let body = #"{"code":"P-1","name":"项目","category":"industry","stage":"preliminary","district_id":\#(fixture.district1.id)}"#
            try await project.send("POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            #expect(try await project.read(until: "}", within: .seconds(30)).hasPrefix("HTTP/1.1 201"), "\(project.text)")
            let location = try #require(project.text.range(of: "location: /api/v1/projects/", options: .caseInsensitive))
            let id = try #require(Int(project.text[location.upperBound...].prefix(while: \.isNumber)))
            var stalled: [RawConnection] = []
            for _ in 0..<6 {
                let connection = try await RawConnection.open(port: port)
                try await connection.send(Self.uploadHead(project: id, token: token, length: 100_000))
                try await connection.send(bytes: Array(TestFiles.png(size: 40)))
                stalled.append(connection)
            }
            try await Task.sleep(for: .seconds(1))
            // MUT: another request while the uploads wait for their bodies
            let other = try await RawConnection.open(port: port)
            try await other.send("GET /api/v1/projects HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n\r\n")
            let text = try await other.read(until: "\"total\"", within: .seconds(20))
            // validate: answered while every upload still waits for its body (had they held the
            // pool's four connections, it would have waited out the pool's 60 s timeout, past the
            // 20 s read): judged by order, not by wall time, which a loaded machine stretches
            #expect(text.hasPrefix("HTTP/1.1 200"), "\(text)")
            #expect(stalled.allSatisfy { $0.text.isEmpty && $0.channel.isActive })
            for connection in stalled { await connection.close() }
        }
    }

    @Test func anHonestSlowBodyFinishes() async throws {
        // 3 s stall timeout, 256 B/s minimum: 8 KiB at 2 KiB/s takes longer than the stall timeout
        // (the margins are wide: a loaded test machine delays the sender's sleeps)
        let limits = ServerLimits(bodyStallTimeout: .seconds(3), bodyMinimumRate: 256, maxConnections: 8)
        try await LiveServer.run(limits: limits) { port in
            let connection = try await RawConnection.open(port: port)
            let padding = String(repeating: " ", count: 8 * 1024 - 50)
            let body = #"{"username":"nobody","password":"wrong-password"}"# + padding
            try await connection.send("POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n")
            // MUT: 512 bytes every 250 ms
            try await connection.send(bytes: Array(body.utf8), inPiecesOf: 512, every: 0.25)
            // validate: the request's own answer, not a timeout
            let text = try await connection.read(until: "}", within: .seconds(30))
            #expect(text.hasPrefix("HTTP/1.1 401"), "\(text)")
        }
    }

    @Test func aStalledBodyIs408() async throws {
        let limits = ServerLimits(bodyStallTimeout: .seconds(1), bodyMinimumRate: 1, maxConnections: 8)
        try await LiveServer.run(limits: limits) { port in
            let connection = try await RawConnection.open(port: port)
            // MUT: half a body, then nothing
            try await connection.send("POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"username\":")
            // validate
            let text = try await connection.read(until: "}", within: .seconds(15))
            #expect(text.hasPrefix("HTTP/1.1 408"), "\(text)")
            #expect(try await connection.closes(within: .seconds(5)))
        }
    }

    @Test func anAttachments413ClosesAtOnce() async throws {
        let limits = ServerLimits(bodyStallTimeout: .seconds(60), maxConnections: 8)
        try await LiveServer.runSeeded(limits: limits) { port, fixture in
            let token = try await RawConnection.signIn(port: port, fixture.district1, "editor")
            let connection = try await RawConnection.open(port: port)
            // MUT: an attachment declaring 11 MiB, and its first bytes in the same write (the server
            // may answer and close on the head alone)
            try await connection.send(bytes: Array(Self.uploadHead(token: token, length: 11 << 20).utf8) + Array(TestFiles.png(size: 40)))
            // validate: 413 naming the attachment's own limit, then closed well before the stall timeout
            let text = try await connection.read(until: "MiB", within: .seconds(15))
            #expect(text.hasPrefix("HTTP/1.1 413"), "\(text)")
            #expect(text.contains("10 MiB"))
            #expect(try await connection.closes(within: .seconds(5)))
        }
    }

    @Test func anImports413NamesTwentyMiB() async throws {
        try await LiveServer.runSeeded(limits: ServerLimits(maxConnections: 8)) { port, fixture in
            let token = try await RawConnection.signIn(port: port, fixture.district1, "editor")
            let connection = try await RawConnection.open(port: port)
            // MUT: a 21 MiB import, declared
            try await connection.send("POST /api/v1/imports/projects HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: text/csv\r\nContent-Length: \(21 << 20)\r\n\r\n")
            // validate: its own limit, not the 1 MiB of JSON bodies
            let text = try await connection.read(until: "MiB", within: .seconds(15))
            #expect(text.hasPrefix("HTTP/1.1 413"), "\(text)")
            #expect(text.contains("20 MiB"))
        }
    }
}
