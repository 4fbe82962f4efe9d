import Foundation
import HummingbirdTesting
import HTTPTypes
import Prometheus
import Store
import Testing
import TestSupport

/// The sign-in throttle: counted per username and client address before bcrypt runs, with a
/// back-off that doubles, and the same work for unknown usernames as for known ones.
@Suite struct SignInThrottleTests {
    func signIn(_ api: APIClient, _ username: String, _ password: String, from address: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let address { headers[HTTPField.Name("X-Forwarded-For")!] = address }
        return try await api.request(.post, "/api/v1/sessions", json: ["username": username, "password": password], headers: headers)
    }

    @Test func fortyConcurrentWrongPasswordsAreCheckedAtMostTenTimes() async throws {
        try await APIHarness.run { api in
            // MUT: 40 guesses at once for one user from one address
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<40 { group.addTask { try await signIn(api, "d1-admin", "wrong").status } }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            // validation
            #expect(statuses.filter { $0 == .unauthorized }.count == 10)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 30)
            #expect(passwordChecks(api, "known") == 10)
        }
    }

    @Test func theOwnerSignsInFromAnotherAddressWhileAnAttackerWaits() async throws {
        try await APIHarness.run(live: true, configure: { $0.trustedProxies = ["127.0.0.1"] }) { api in
            let attacker = "203.0.113.9", owner = "198.51.100.7"
            for _ in 0..<10 { #expect(try await signIn(api, "cty-admin", "guess", from: attacker).status == .unauthorized) }
            // MUT
            let blocked = try await signIn(api, "cty-admin", CountyFixture.password, from: attacker)
            let elsewhere = try await signIn(api, "cty-admin", CountyFixture.password, from: owner)
            // validation: the attacker's address waits, the owner's right password works
            #expect(blocked.status == .tooManyRequests)
            #expect(elsewhere.status == .created)
            // a proxy's list: the nearest untrusted hop counts, not what the client wrote first
            let spoofed = try await signIn(api, "cty-admin", CountyFixture.password, from: "\(owner), \(attacker)")
            #expect(spoofed.status == .tooManyRequests)
        }
    }

    @Test func oneAddressTryingManyUsernamesWaitsButTheOwnerElsewhereDoesNot() async throws {
        // an address limit of 3 (20 by default) keeps the bcrypt work of the test small
        try await APIHarness.run(live: true, configure: { $0.trustedProxies = ["127.0.0.1"]; $0.signInPolicy = SignInPolicy(addressLimit: 3) }) { api in
            let attacker = "203.0.113.9", owner = "198.51.100.7"
            // MUT: 12 guesses at once from one address, each for a new username
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<12 { group.addTask { try await signIn(api, "user-\(index)", "guess", from: attacker).status } }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            // validate: at most the address limit checked with bcrypt, the rest wait
            #expect(statuses.filter { $0 == .unauthorized }.count == 3)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 9)
            let waiting = try await signIn(api, "cty-admin", CountyFixture.password, from: attacker)
            #expect(waiting.status == .tooManyRequests)
            #expect(waiting.object["code"] as? String == "sign_in_throttled_address", "the whole address waits")
            #expect(try await signIn(api, "cty-admin", CountyFixture.password, from: owner).status == .created)
        }
    }

    @Test func rightPasswordsDoNotCountAgainstTheAddress() async throws {
        try await APIHarness.run(configure: { $0.signInPolicy = SignInPolicy(addressLimit: 3) }) { api in
            // MUT: more right sign-ins from one address than the address limit
            for _ in 0..<5 {
                let signedIn = try await signIn(api, "d1-editor", CountyFixture.password)
                #expect(signedIn.status == .created)
            }
            // validate: a failure is still only a 401
            let failed = try await signIn(api, "d1-viewer", "wrong")
            #expect(failed.status == .unauthorized)
        }
    }

    @Test func forwardedForIsIgnoredWithoutATrustedProxy() async throws {
        try await APIHarness.run(live: true) { api in
            for index in 0..<10 {
                #expect(try await signIn(api, "d2-editor", "guess", from: "203.0.113.\(index)").status == .unauthorized)
            }
            // MUT: a new made-up address does not reset the count of the real peer
            let next = try await signIn(api, "d2-editor", CountyFixture.password, from: "203.0.113.200")
            // validation
            #expect(next.status == .tooManyRequests)
        }
    }

    @Test func theWaitDoublesWithEachFurtherFailure() async throws {
        try await APIHarness.run { api in
            for _ in 0..<10 { _ = try await signIn(api, "d2-viewer", "wrong") }
            var waits: [Int] = []
            for _ in 0..<4 {
                let blocked = try await signIn(api, "d2-viewer", "wrong")
                #expect(blocked.status == .tooManyRequests)
                // the wait as stored, and Retry-After no longer than it (the clock moves on)
                let wait: Int = try api.database.connect().query(
                    "SELECT extract(epoch FROM blocked_until - last_attempt_at)::integer AS s FROM app.sign_in_throttle WHERE username <> ''"
                )[0].decode("s")
                waits.append(wait)
                let retry = Int(blocked.headers[.retryAfter] ?? "") ?? 0
                #expect(retry > 0 && retry <= wait)
                // setup: let the wait pass, then fail once more
                try api.database.connect().execute("UPDATE app.sign_in_throttle SET blocked_until = now() - interval '1 second' WHERE username <> ''")
                #expect(try await signIn(api, "d2-viewer", "wrong").status == .unauthorized)
            }
            // validation: 30 s, then 60, 120, 240
            #expect(waits == [30, 60, 120, 240])
            // a right password after the wait starts the count again
            try api.database.connect().execute("UPDATE app.sign_in_throttle SET blocked_until = now() - interval '1 second' WHERE username <> ''")
            #expect(try await signIn(api, "d2-viewer", CountyFixture.password).status == .created)
            let rows: Int = try api.database.connect().query("SELECT count(*)::integer AS n FROM app.sign_in_throttle WHERE username <> ''")[0].decode("n")
            #expect(rows == 0)
        }
    }

    @Test func theWaitStopsAtFifteenMinutes() async throws {
        try await APIHarness.run { api in
            try api.database.connect().execute("""
                INSERT INTO app.sign_in_throttle (username, address, failures) VALUES ('d1-viewer', 'unknown', 40)
                """)
            #expect(try await signIn(api, "d1-viewer", "wrong").status == .unauthorized)
            let blocked = try await signIn(api, "d1-viewer", "wrong")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers[.retryAfter].flatMap { Int($0) }.map { (600...900).contains($0) } == true)
            let wait: Int = try api.database.connect().query(
                "SELECT extract(epoch FROM blocked_until - last_attempt_at)::integer AS s FROM app.sign_in_throttle WHERE username <> ''"
            )[0].decode("s")
            #expect(wait == 900)
        }
    }

    @Test func anUnknownUsernameIsCheckedWithBcryptToo() async throws {
        try await APIHarness.run { api in
            // MUT
            let unknown = try await signIn(api, "nobody-here", "whatever")
            let known = try await signIn(api, "d1-viewer", "whatever")
            // validation: both are 401 with the same words, and both ran bcrypt once
            #expect(unknown.status == .unauthorized && known.status == .unauthorized)
            #expect(unknown.object["detail"] as? String == known.object["detail"] as? String)
            #expect(passwordChecks(api, "unknown") == 1)
            #expect(passwordChecks(api, "known") == 1)
            // unknown usernames are throttled alike
            for _ in 0..<9 { _ = try await signIn(api, "nobody-here", "whatever") }
            #expect(try await signIn(api, "nobody-here", "whatever").status == .tooManyRequests)
        }
    }

    /// The `sign_in_password_checks_total` counter for `user` (known or unknown).
    func passwordChecks(_ api: APIClient, _ user: String) -> Int {
        let text = String(decoding: api.metrics.emitToBuffer(), as: UTF8.self)
        let prefix = "sign_in_password_checks_total{user=\"\(user)\"} "
        return text.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0
    }
}
