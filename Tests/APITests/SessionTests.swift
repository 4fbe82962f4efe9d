import Foundation
import HTTPTypes
import Testing
import TestSupport

@Suite struct SessionTests {
    @Test func signInMeAndSignOut() async throws {
        try await APIHarness.run { api in
            // setup / MUT
            let token = try await api.signIn(api.fixture.district1, "editor")
            let me = try await api.request(.get, "/api/v1/me", token: token)
            // validation
            #expect(me.status == .ok)
            #expect(me.object["username"] as? String == "d1-editor")
            #expect((me.object["agency"] as? [String: Any])?["kind"] as? String == "district")
            #expect(try await api.request(.delete, "/api/v1/sessions/current", token: token).status == .noContent)
            #expect(try await api.request(.get, "/api/v1/me", token: token).status == .unauthorized)
        }
    }

    @Test func wrongPasswordAndUnknownTokenAre401() async throws {
        try await APIHarness.run { api in
            let wrong = try await api.request(.post, "/api/v1/sessions", json: ["username": "d1-editor", "password": "nope"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.contentType] == "application/problem+json")
            #expect(try await api.request(.get, "/api/v1/me", token: "not-a-token").status == .unauthorized)
            #expect(try await api.request(.get, "/api/v1/me").status == .unauthorized)
        }
    }

    @Test func tooManyFailuresAre429WithRetryAfter() async throws {
        try await APIHarness.run { api in
            for _ in 0..<10 {
                let response = try await api.request(.post, "/api/v1/sessions", json: ["username": "d2-viewer", "password": "bad"])
                #expect(response.status == .unauthorized)
            }
            let blocked = try await api.request(.post, "/api/v1/sessions", json: ["username": "d2-viewer", "password": CountyFixture.password])
            #expect(blocked.status == .tooManyRequests)
            #expect(Int(blocked.headers[.retryAfter] ?? "") ?? 0 > 0)
            // the message names what waits: this username from this address, not the whole address
            #expect(blocked.object["code"] as? String == "sign_in_throttled")
            #expect((blocked.object["detail"] as? String)?.hasPrefix("登录失败次数过多") == true, "\(blocked.object)")
            // another username is not affected
            _ = try await api.signIn(api.fixture.district1, "viewer")
        }
    }

    @Test func tokensAreStoredOnlyAsTheirSHA256WithTheirLifetime() async throws {
        try await APIHarness.run { api in
            // MUT
            let token = try await api.signIn(api.fixture.district2, "editor")
            // validation: 256 random bits (43 base64url characters); the row holds its hash only
            #expect(token.count == 43)
            let row = try api.database.connect().query("""
                SELECT token_hash = sha256(convert_to(\(token), 'UTF8')) AS hashed,
                       position(convert_to(\(token), 'UTF8') IN token_hash) = 0 AS plain_absent,
                       round(extract(epoch FROM expires_at - now()) / 3600)::integer AS hours
                  FROM app.sessions
                """)
            #expect(row.count == 1)
            #expect(try row[0].decode("hashed") == true && row[0].decode("plain_absent") == true)
            #expect(try row[0].decode("hours") == 12)
        }
    }

    @Test func expiredTokenIs401() async throws {
        try await APIHarness.run { api in
            let token = try await api.signIn(api.fixture.county, "viewer")
            try api.database.connect().execute("UPDATE app.sessions SET expires_at = now() - interval '1 second'")
            #expect(try await api.request(.get, "/api/v1/me", token: token).status == .unauthorized)
        }
    }

    @Test func badBodiesAre4xx() async throws {
        try await APIHarness.run { api in
            #expect(try await api.request(.post, "/api/v1/sessions", raw: "{\"username\":").status == .badRequest)
            #expect(try await api.request(.post, "/api/v1/sessions", raw: "[1]").status == .badRequest)
            let wrongType = try await api.request(.post, "/api/v1/sessions", raw: "x", headers: [.contentType: "text/plain"])
            #expect(wrongType.status == .unsupportedMediaType)
            let unknown = try await api.request(.post, "/api/v1/sessions", json: ["username": "a", "password": "b", "extra": 1])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.errorFields == ["extra"])
            let huge = try await api.request(.post, "/api/v1/sessions", raw: "{\"username\":\"" + String(repeating: "a", count: 1_100_000) + "\"}")
            #expect(huge.status == .contentTooLarge)
            let invalidUTF8 = try await api.client.execute(
                uri: "/api/v1/sessions", method: .post, headers: [.contentType: "application/json"],
                body: .init(bytes: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D])
            )
            #expect(invalidUTF8.status == .badRequest)
        }
    }
}
