import Store
import Synchronization

/// Signed-in users by bearer token, kept for a bounded time so that most requests skip the
/// session lookup.
///
/// Entries are revoked on every server at once: sign-out and every change to a user (password,
/// active flag, role, name) are announced on `SessionQueries.channel` in their own transaction
/// (`SessionQueries.delete`, `SessionQueries.announceChange`), and each server's
/// `SessionRevocations` loop removes that user's entries as the notification arrives. The cache
/// answers only while that loop is listening: disabled, it holds nothing and every request
/// looks its session up, so a missed notification can never keep a revoked token alive.
public final class SessionCache: Sendable {
    struct Entry {
        var user: UserSummary
        var expires: ContinuousClock.Instant
    }

    struct State {
        var entries: [String: Entry] = [:]
        /// Bumped by every revocation, so a lookup that raced one is not stored.
        var generation: UInt64 = 0
        var listening = false
    }

    /// How long an entry is trusted; zero turns the cache off.
    public let lifetime: Duration
    /// At most this many tokens are held.
    public let capacity: Int
    private let state = Mutex(State())

    public init(lifetime: Duration = .seconds(10), capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The cached user of `token`, or nil (not cached, expired, or the cache is not listening).
    public func user(token: String) -> UserSummary? {
        state.withLock { state in
            guard state.listening, let entry = state.entries[token] else { return nil }
            guard entry.expires > .now else {
                state.entries[token] = nil
                return nil
            }
            return entry.user
        }
    }

    /// A ticket for storing what a lookup starting now finds; nil when the cache is off.
    public func ticket() -> UInt64? {
        state.withLock { state in state.listening && lifetime > .zero ? state.generation : nil }
    }

    /// Keeps `user` for `token`, unless a revocation happened since `ticket` was taken.
    public func store(_ user: UserSummary, token: String, ticket: UInt64) {
        state.withLock { state in
            guard state.listening, state.generation == ticket else { return }
            if state.entries.count >= capacity {
                let now = ContinuousClock.now
                state.entries = state.entries.filter { $0.value.expires > now }
                if state.entries.count >= capacity { state.entries = [:] }
            }
            state.entries[token] = Entry(user: user, expires: .now + lifetime)
        }
    }

    /// Forgets every token of user `id` (signed out, password changed, deactivated, changed).
    public func revoke(userID id: Int64) {
        state.withLock { state in
            state.generation &+= 1
            state.entries = state.entries.filter { $0.value.user.id != id }
        }
    }

    /// Forgets `token` (its session ended here).
    public func revoke(token: String) {
        state.withLock { state in
            state.generation &+= 1
            state.entries[token] = nil
        }
    }

    /// Called by the listener: true once it listens, false when its connection is lost (every
    /// entry is dropped, since notifications may be missed until it listens again).
    func setListening(_ listening: Bool) {
        state.withLock { state in
            state.generation &+= 1
            state.entries = [:]
            state.listening = listening
        }
    }
}
