import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare TCP client: sends bytes and reads what the server answers until it stops or `timeout`
/// seconds pass, to see what a server does before a client has sent everything.
enum RawHTTP {
    struct Failure: Error { var what: String }

    /// The blocking socket calls run on a dispatch queue, never on the cooperative pool that the
    /// server under test needs to answer (two blocked threads there would starve it on 2 cores).
    static func exchange(port: Int, send bytes: [UInt8], timeout: Int) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try blockingExchange(port: port, send: bytes, timeout: timeout) })
            }
        }
    }

    private static func blockingExchange(port: Int, send bytes: [UInt8], timeout: Int) throws -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(what: "socket") }
        defer { close(socket) }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        guard connectLoopback(socket, port: port) else { throw Failure(what: "connect") }
        guard bytes.withUnsafeBytes({ Glibc.send(socket, $0.baseAddress, $0.count, 0) }) == bytes.count else { throw Failure(what: "send") }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: received, as: UTF8.self).contains("\r\n\r\n") {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer.prefix(count)
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Connects a TCP socket to `127.0.0.1:port`; whether it connected.
    static func connectLoopback(_ socket: Int32, port: Int) -> Bool {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
