import Synchronization

/// How many spreadsheet imports run at once (`imports.max_concurrent`): one beyond is answered
/// 503 with `Retry-After` before its body is read, so imports cannot take every core and the
/// memory of several 20 MiB files while sign-in and everyone else wait.
public final class ImportGate: Sendable {
    public let limit: Int
    private let running = Atomic<Int>(0)

    public init(limit: Int) {
        self.limit = limit
    }

    /// Runs `body` as one of the imports, or throws 503 when `limit` already run.
    func run<T>(_ body: () async throws -> T) async throws -> T {
        guard running.add(1, ordering: .acquiringAndReleasing).newValue <= limit else {
            running.subtract(1, ordering: .acquiringAndReleasing)
            throw Problem(.serviceUnavailable, .importsBusy, ["limit": "\(limit)"], headers: [.retryAfter: "5"])
        }
        defer { running.subtract(1, ordering: .acquiringAndReleasing) }
        return try await body()
    }
}
