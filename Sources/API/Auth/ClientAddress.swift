import Campaign
import Foundation
import Hummingbird

/// The client address the sign-in throttle counts attempts by: the connection's peer, or — only
/// when that peer is a configured trusted proxy — the nearest address in `X-Forwarded-For` that
/// is not itself a trusted proxy. A client cannot choose its address by sending the header.
struct ClientAddress {
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed (`http.trusted_proxies`).
    let trustedProxies: Set<String>

    func of(_ request: Request, peer: String?) -> String {
        let peer = peer ?? "unknown"
        guard trustedProxies.contains(peer) else { return peer }
        // Every X-Forwarded-For field in order, as one list: client, proxy, proxy, …
        let hops = request.headers.filter { $0.name.canonicalName == "x-forwarded-for" }
            .flatMap { $0.value.split(separator: ",") }.map { $0.trimmingSpaces() }
        for hop in hops.reversed() where !trustedProxies.contains(hop) {
            return Self.isAddress(hop) ? hop : peer
        }
        return peer
    }

    /// An IPv4 or IPv6 address in text (digits, hex, '.', ':'), not arbitrary text from a header.
    static func isAddress(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.count <= 45 && text.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
    }
}
