import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A minimal client of `text/event-stream` over a raw socket, for the event stream tests: it
/// sends one GET and reads the chunked response as server-sent events. Blocking reads run on a
/// dispatch queue, never on the cooperative pool the server under test shares.
final class SSEClient: Sendable {
    /// One event, or a comment line (`: ping`).
    struct Event: Sendable, Equatable {
        var id: Int64?
        var data: String?
        var comment: String?
    }

    private let socket: Int32
    private let state = Mutex<(raw: [UInt8], text: String, headers: String?, ended: Bool)>(([], "", nil, false))

    private init(socket: Int32) {
        self.socket = socket
    }

    /// Connects to `127.0.0.1:port` and asks for `path` with the token and `Last-Event-ID`.
    static func open(port: Int, path: String, token: String, lastEventID: Int64? = nil) async throws -> SSEClient {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard RawHTTP.connectLoopback(fd, port: port) else { Glibc.close(fd); throw SSEError.connect }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let resume = lastEventID.map { "Last-Event-ID: \($0)\r\n" } ?? ""
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nAccept: text/event-stream\r\n\(resume)\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        return SSEClient(socket: fd)
    }

    enum SSEError: Error { case connect }

    /// The response's status line and headers, once read.
    var headers: String? { state.withLock { $0.headers } }

    /// Reads until `count` events (comments included when `comments`) have arrived or `timeout`
    /// passes; returns the events read, in order, and consumes them.
    func events(_ count: Int, comments: Bool = false, timeout: Duration) async -> [Event] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let deadline = ContinuousClock.now.advanced(by: timeout)
                var found: [Event] = []
                while ContinuousClock.now < deadline {
                    found += self.take().filter { comments || $0.comment == nil }
                    if found.count >= count || self.hasEnded { break }
                    var bytes = [UInt8](repeating: 0, count: 65536)
                    let read = recv(self.socket, &bytes, bytes.count, 0)
                    if read == 0 { self.state.withLock { $0.ended = true }; break }
                    if read > 0 { self.state.withLock { $0.raw += bytes[0..<read] } }
                }
                found += self.take().filter { comments || $0.comment == nil }
                continuation.resume(returning: found)
            }
        }
    }

    /// Whether the server ended the stream (its last chunk, or the connection closed).
    var hasEnded: Bool { state.withLock { $0.ended } }

    /// Reads (and drops) events until the server ends the stream or `timeout` passes; true if it ended.
    func ends(within timeout: Duration) async -> Bool {
        _ = await events(Int.max, comments: true, timeout: timeout)
        return hasEnded
    }

    func close() {
        Glibc.shutdown(socket, Int32(SHUT_RDWR))
        Glibc.close(socket)
    }

    /// Decodes what has arrived (headers, then chunks) and returns the complete events.
    private func take() -> [Event] {
        state.withLock { state in
            if state.headers == nil, let end = state.raw.firstRange(of: Array("\r\n\r\n".utf8)) {
                state.headers = String(decoding: state.raw[..<end.lowerBound], as: UTF8.self)
                state.raw.removeSubrange(..<end.upperBound)
            }
            guard state.headers != nil else { return [] }
            while let line = state.raw.firstRange(of: Array("\r\n".utf8)),
                  let size = Int(String(decoding: state.raw[..<line.lowerBound], as: UTF8.self), radix: 16),
                  state.raw.count >= line.upperBound + size + 2 {
                if size == 0 { state.ended = true }
                state.text += String(decoding: state.raw[line.upperBound..<(line.upperBound + size)], as: UTF8.self)
                state.raw.removeSubrange(..<(line.upperBound + size + 2))
            }
            var events: [Event] = []
            while let end = state.text.range(of: "\n\n") {
                var event = Event()
                for line in state.text[..<end.lowerBound].split(separator: "\n") {
                    if line.hasPrefix(":") { event.comment = String(line.dropFirst()).trimmingCharacters(in: .whitespaces) }
                    if line.hasPrefix("id: ") { event.id = Int64(line.dropFirst(4)) }
                    if line.hasPrefix("data: ") { event.data = String(line.dropFirst(6)) }
                }
                state.text.removeSubrange(..<end.upperBound)
                events.append(event)
            }
            return events
        }
    }
}
