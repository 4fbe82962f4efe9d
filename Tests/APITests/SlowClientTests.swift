import API
import Foundation
import Testing

/// Slow or greedy clients against the real server over raw TCP: header, body and idle timeouts,
/// a 413 from the declared length before any body, and the connection cap answering 503.
@Suite struct SlowClientTests {
    /// Short limits so that each timeout is told apart from the others in a test. The suite runs
    /// on a loaded machine: lower bounds are safe (a timer never fires early), upper bounds are
    /// "well before the client would have finished", never sub-second windows.
    static let limits = ServerLimits(headerTimeout: .seconds(1), bodyStallTimeout: .seconds(2), idleTimeout: .seconds(8), maxConnections: 3)

    @Test func aHeadSentByteByByteIsCutOffAtTheHeaderTimeout() async throws {
        try await LiveServer.run(limits: Self.limits) { port in
            let connection = try await RawConnection.open(port: port)
            let start = ContinuousClock.now
            // MUT: a byte every 200 ms never completes the head
            for byte in "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Slow: yes".map(String.init) {
                guard connection.channel.isActive else { break }
                try? await connection.send(byte)
                try await Task.sleep(for: .milliseconds(200))
            }
            // validation: closed after the header timeout, well before the head (9.6 s) was sent
            #expect(try await connection.closes(within: .seconds(1)))
            let elapsed = ContinuousClock.now - start
            #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(8), "closed after \(elapsed)")
            #expect(!connection.text.contains("HTTP/1.1 200"))
        }
    }

    @Test func aBodyBelowTheMinimumRateIs408AndClosed() async throws {
        try await LiveServer.run(limits: Self.limits) { port in
            let connection = try await RawConnection.open(port: port)
            let start = ContinuousClock.now
            try await connection.send("POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n")
            // MUT: a few body bytes, slowly (the whole 100 bytes would take 15 s)
            for byte in String(repeating: "{\"username\":", count: 8).prefix(100).map(String.init) {
                guard connection.channel.isActive else { break }
                try? await connection.send(byte)
                try await Task.sleep(for: .milliseconds(150))
            }
            // validation: answered 408 and closed once the average fell short of the minimum
            // rate (after the stall timeout), well before the body was sent
            #expect(try await connection.closes(within: .seconds(2)))
            let elapsed = ContinuousClock.now - start
            #expect(elapsed >= .milliseconds(1800) && elapsed < .seconds(10), "closed after \(elapsed)")
            #expect(connection.text.hasPrefix("HTTP/1.1 408"), "\(connection.text)")
        }
    }

    @Test func anIdleKeptAliveConnectionIsClosedAtTheIdleTimeout() async throws {
        try await LiveServer.run(limits: Self.limits) { port in
            let connection = try await RawConnection.open(port: port)
            try await connection.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await connection.read(until: "live", within: .seconds(15)).hasPrefix("HTTP/1.1 200"))
            let answered = ContinuousClock.now
            // MUT / validation: open past the header and body timeouts, closed at the idle one
            #expect(try await !connection.closes(within: .seconds(3)))
            #expect(try await connection.closes(within: .seconds(20)))
            #expect(ContinuousClock.now - answered >= .seconds(3))
        }
    }

    @Test func aConnectionAskingAgainAndAgainOutlivesEveryTimeout() async throws {
        try await LiveServer.run(limits: Self.limits) { port in
            let connection = try await RawConnection.open(port: port)
            // MUT: a request every 400 ms for 4 s, past the header (1 s) and stall (2 s) timeouts,
            // so that timers set for earlier requests fire while later ones are asked and answered
            for number in 1...10 {
                try await connection.send("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Number: \(number)\r\n\r\n")
                try await Task.sleep(for: .milliseconds(400))
            }
            // validation: every request answered, the connection still open
            let deadline = ContinuousClock.now + .seconds(15)
            while connection.text.components(separatedBy: "HTTP/1.1 200").count < 11, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(connection.text.components(separatedBy: "HTTP/1.1 200").count == 11)
            #expect(connection.channel.isActive)
        }
    }

    @Test func aHugeDeclaredLengthIs413AtOnce() async throws {
        try await LiveServer.run(limits: Self.limits) { port in
            let connection = try await RawConnection.open(port: port)
            let start = ContinuousClock.now
            // MUT: a head declaring 2^63-1 bytes, and no body
            try await connection.send("""
                POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                Content-Length: 9223372036854775807\r\n\r\n
                """)
            let text = try await connection.read(until: "1 MiB", within: .seconds(10))
            // validation: answered without the body (waiting for it would end in the body timeout
            // with no answer at all), and the connection is closed
            #expect(text.hasPrefix("HTTP/1.1 413"), "\(text)")
            #expect(text.lowercased().contains("connection: close"))
            #expect(ContinuousClock.now - start < .seconds(10))
            #expect(try await connection.closes(within: .seconds(5)))
        }
    }

    @Test func aMalformedChunkedBodyIs400NotAServerError() async throws {
        try await LiveServer.run(limits: Self.limits) { port in
            let connection = try await RawConnection.open(port: port)
            // MUT: a chunked body whose chunk size is not hexadecimal (the parser fails mid-body)
            try await connection.send("""
                POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n
                """)
            let text = try await connection.read(until: "}", within: .seconds(10))
            // validation: the client's mistake is a 400 that says so, not a logged 500
            #expect(text.hasPrefix("HTTP/1.1 400"), "\(text)")
            #expect(text.contains("malformed_request"), "\(text)")
        }
    }

    @Test func anExpectedContinueIsAnsweredBeforeTheBodyUnlessTheBodyIsTooLarge() async throws {
        try await LiveServer.run(limits: Self.limits) { port in
            let connection = try await RawConnection.open(port: port)
            let body = #"{"username":"nobody","password":"wrong-password"}"#
            // MUT: a head that waits for 100 Continue before sending its body (as curl does)
            try await connection.send("""
                POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                Expect: 100-continue\r\nContent-Length: \(body.utf8.count)\r\n\r\n
                """)
            let interim = try await connection.read(until: "\r\n\r\n", within: .seconds(10))
            // validation: told to go on before any body, then the request's own answer
            #expect(interim.hasPrefix("HTTP/1.1 100 Continue\r\n"), "\(interim)")
            try await connection.send(body)
            let text = try await connection.read(until: "}", within: .seconds(30))
            #expect(text.contains("\r\n\r\nHTTP/1.1 401"), "\(text)")

            // a declared length beyond every limit gets no 100, only its 413
            let large = try await RawConnection.open(port: port)
            try await large.send("""
                POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                Expect: 100-continue\r\nContent-Length: 104857600\r\n\r\n
                """)
            let refused = try await large.read(until: "1 MiB", within: .seconds(10))
            #expect(refused.hasPrefix("HTTP/1.1 413"), "\(refused)")
        }
    }

    @Test func aHeadOverTheSizeLimitIsRefusedAndClosed() async throws {
        try await LiveServer.run(limits: Self.limits) { port in
            let connection = try await RawConnection.open(port: port)
            // MUT: one header field of 100 KiB (the limit is 80 KiB)
            try? await connection.send("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 100 * 1024))\r\n\r\n")
            // validation: closed without an answer to the request (the server writes 400, which the
            // client may lose to the reset of a close with the rest of the head unread)
            #expect(try await connection.closes(within: .seconds(10)))
            #expect(connection.text.isEmpty || connection.text.hasPrefix("HTTP/1.1 400"), "\(connection.text)")
        }
    }

    @Test func connectionsBeyondTheCapAre503UntilOthersClose() async throws {
        // long timeouts: the held connections must not time out while the test opens others
        let limits = ServerLimits(headerTimeout: .seconds(60), bodyStallTimeout: .seconds(60), idleTimeout: .seconds(120), maxConnections: 3)
        try await LiveServer.run(limits: limits) { port in
            // setup: three kept-alive connections, each answered once (so each holds a place)
            var held: [RawConnection] = []
            for _ in 0..<3 {
                let connection = try await RawConnection.open(port: port)
                try await connection.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try await connection.read(until: "live", within: .seconds(15)).hasPrefix("HTTP/1.1 200"))
                held.append(connection)
            }
            // MUT: two more, one asking for /health/live
            for _ in 0..<2 {
                let extra = try await RawConnection.open(port: port)
                try? await extra.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n")
                let text = try await extra.read(until: "retry in a moment", within: .seconds(15))
                // validation: a clear 503 problem, then closed
                #expect(text.hasPrefix("HTTP/1.1 503"), "\(text)")
                #expect(text.contains("application/problem+json") && text.contains("Retry-After: 1"))
                #expect(try await extra.closes(within: .seconds(10)))
            }
            // when the held connections close, a fresh /health/live works again
            for connection in held { await connection.close() }
            var status = ""
            for _ in 0..<40 where !status.hasPrefix("HTTP/1.1 200") {
                try await Task.sleep(for: .milliseconds(250))
                let fresh = try await RawConnection.open(port: port)
                try? await fresh.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n")
                status = try await fresh.read(until: "\r\n\r\n", within: .seconds(5))
                await fresh.close()
            }
            #expect(status.hasPrefix("HTTP/1.1 200"), "\(status)")
        }
    }
}
