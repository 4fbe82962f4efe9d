@testable import API
import Testing

/// `Authorization: Bearer <token>` as the session middleware reads it.
@Suite struct BearerTokenTests {
    @Test func theSchemeInAnyCaseThenTheTokenWithoutBlanksAround() {
        #expect(SessionAuthenticator.bearerToken("Bearer abc") == "abc")
        #expect(SessionAuthenticator.bearerToken("bearer  abc \t") == "abc")
        #expect(SessionAuthenticator.bearerToken("BEARER a b") == "a b")
        #expect(SessionAuthenticator.bearerToken("Bearer ") == "")
        #expect(SessionAuthenticator.bearerToken("Bearer \t ") == "")
        #expect(SessionAuthenticator.bearerToken("Bearer 令牌") == "令牌")
    }

    @Test func anotherSchemeIsNotABearerToken() {
        #expect(SessionAuthenticator.bearerToken("Basic YWJj") == nil)
        #expect(SessionAuthenticator.bearerToken("Bearer") == nil)
        #expect(SessionAuthenticator.bearerToken("Bearerabc") == nil)
        #expect(SessionAuthenticator.bearerToken("Béarer abc") == nil)
        #expect(SessionAuthenticator.bearerToken("") == nil)
    }
}
