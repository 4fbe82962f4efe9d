import Synchronization

/// Counts the connections being served, admitting at most `limit` at once.
final class OpenConnections: Sendable {
    let limit: Int
    private let count = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes a place if one is free.
    func admit() -> Bool {
        if count.add(1, ordering: .relaxed).newValue <= limit { return true }
        count.subtract(1, ordering: .relaxed)
        return false
    }

    func release() {
        count.subtract(1, ordering: .relaxed)
    }
}
