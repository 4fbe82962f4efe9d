import Campaign
@testable import API
import Store
import Testing

/// The cache's own rules, without a database: lifetime, revocation racing a lookup, listening.
@Suite struct SessionCacheUnitTests {
    static func user(_ id: Int64) -> UserSummary {
        UserSummary(id: id, username: "u\(id)", displayName: "U\(id)", role: .viewer,
                    agency: AgencySummary(id: 1, code: "a", name: "A", kind: .district))
    }

    @Test func anEntryLivesForTheLifetimeOnly() async throws {
        let cache = SessionCache(lifetime: .seconds(2))
        cache.setListening(true)
        cache.store(Self.user(1), token: "t", ticket: try #require(cache.ticket()))
        #expect(cache.user(token: "t")?.id == 1)
        try await Task.sleep(for: .milliseconds(2500))
        #expect(cache.user(token: "t") == nil)
    }

    @Test func aLookupThatRacedARevocationIsNotKept() throws {
        let cache = SessionCache()
        cache.setListening(true)
        let ticket = try #require(cache.ticket())
        cache.revoke(userID: 2)  // arrives while the lookup of another token is in flight
        cache.store(Self.user(1), token: "t", ticket: ticket)
        #expect(cache.user(token: "t") == nil)
        cache.store(Self.user(1), token: "t", ticket: try #require(cache.ticket()))
        cache.store(Self.user(2), token: "s", ticket: try #require(cache.ticket()))
        cache.revoke(userID: 1)
        #expect(cache.user(token: "t") == nil)
        #expect(cache.user(token: "s")?.id == 2)
    }

    @Test func nothingIsKeptUnlessListeningAndTheLifetimeIsPositive() throws {
        let cache = SessionCache()
        #expect(cache.ticket() == nil)
        cache.setListening(true)
        cache.store(Self.user(1), token: "t", ticket: try #require(cache.ticket()))
        cache.setListening(false)
        #expect(cache.user(token: "t") == nil)
        #expect(cache.ticket() == nil)
        let off = SessionCache(lifetime: .zero)
        off.setListening(true)
        #expect(off.ticket() == nil)
    }

    @Test func aFullCacheDropsExpiredEntriesThenEverything() throws {
        let cache = SessionCache(capacity: 2)
        cache.setListening(true)
        for n in 1...3 { cache.store(Self.user(Int64(n)), token: "t\(n)", ticket: try #require(cache.ticket())) }
        #expect(cache.user(token: "t3")?.id == 3)
        #expect(cache.user(token: "t1") == nil)
    }
}
