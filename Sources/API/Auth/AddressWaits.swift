import Synchronization

/// Client addresses the sign-in throttle told to wait across usernames (migration 0058),
/// remembered until their wait ends: an address that keeps trying is answered 429 from memory,
/// without taking a database connection from everybody else. Each server learns an address's wait
/// from the database at its first attempt; the database stays the rule.
final class AddressWaits: Sendable {
    /// At most this many addresses are remembered (the expired ones go first, then all).
    static let capacity = 10_000
    private let until = Mutex<[String: ContinuousClock.Instant]>([:])

    /// Whole seconds `address` still waits, or nil.
    func remaining(_ address: String) -> Int? {
        until.withLock { until in
            guard let end = until[address] else { return nil }
            let left = end - .now
            guard left > .zero else {
                until[address] = nil
                return nil
            }
            return max(1, Int(left.components.seconds) + (left.components.attoseconds > 0 ? 1 : 0))
        }
    }

    /// Remembers that `address` waits `seconds`.
    func wait(_ address: String, seconds: Int) {
        until.withLock { until in
            if until.count >= Self.capacity {
                let now = ContinuousClock.now
                until = until.filter { $0.value > now }
                if until.count >= Self.capacity { until = [:] }
            }
            until[address] = .now + .seconds(seconds)
        }
    }
}
