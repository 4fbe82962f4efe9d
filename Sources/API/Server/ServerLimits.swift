#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How long the server waits for slow clients and how many connections it keeps open
/// (`http.header_timeout`, `http.body_stall_timeout`, `http.body_min_rate`, `http.idle_timeout`,
/// `http.max_connections`).
public struct ServerLimits: Sendable {
    /// From a request's first byte until its head (request line and headers) is complete.
    public var headerTimeout: Duration
    /// The longest a request body may go without a byte arriving; also how long a body may
    /// take before `bodyMinimumRate` applies.
    public var bodyStallTimeout: Duration
    /// The slowest average a request body may arrive at, in bytes a second since its head (a
    /// township's 2 Mbit/s uplink is 250 KiB/s); slower bodies are answered 408 and closed.
    public var bodyMinimumRate: Int
    /// A kept-alive connection with no request in progress.
    public var idleTimeout: Duration
    /// Connections served at once; further ones are answered 503 and closed.
    public var maxConnections: Int
    /// Connections being answered 503 at once before the server stops accepting for a moment.
    public static let refusalMargin = 32

    public init(
        headerTimeout: Duration = .seconds(10), bodyStallTimeout: Duration = .seconds(30), bodyMinimumRate: Int = 8 << 10,
        idleTimeout: Duration = .seconds(60), maxConnections: Int = ServerLimits.connectionsWithinFileLimit(1024)
    ) {
        self.headerTimeout = headerTimeout
        self.bodyStallTimeout = bodyStallTimeout
        self.bodyMinimumRate = bodyMinimumRate
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }

    /// `configured`, but at most the process's file-descriptor limit less 64 (database
    /// connections, files, the listening socket and the 503 answers need descriptors too).
    public static func connectionsWithinFileLimit(_ configured: Int) -> Int {
        var limit = rlimit()
        #if canImport(Glibc)
        let status = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        #else
        let status = getrlimit(RLIMIT_NOFILE, &limit)
        #endif
        guard status == 0, limit.rlim_cur < rlim_t(Int.max) else { return configured }
        return max(1, min(configured, Int(limit.rlim_cur) - 64 - refusalMargin))
    }
}
