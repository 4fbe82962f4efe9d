import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Sits after the HTTP decoder and tells the connection's `SlowClientGuard` when a request head
/// and end arrive and when a response has been written. After a response that says
/// `Connection: close` (every 413) it closes its side at once and the whole connection a second
/// later: the client reads the answer, and whatever body it still sends in between is discarded.
///
/// A request that says `Expect: 100-continue` (curl does, for bodies over 1 MiB) is answered
/// `100 Continue` at once when its declared length fits the largest upload, so the client sends
/// its body without waiting for a timeout; a larger one gets only its final 413 (RFC 9110 §10.1.1).
final class RequestProgressHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var slowClientGuard: SlowClientGuard?
    private var closeAfterResponse = false

    func handlerAdded(context: ChannelHandlerContext) {
        slowClientGuard = try? context.pipeline.syncOperations.handler(type: SlowClientGuard.self)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            slowClientGuard?.headReceived()
            if Self.mayContinue(request) {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
            }
        case .end: slowClientGuard?.requestEnded()
        case .body: break
        }
        context.fireChannelRead(data)
    }

    /// Whether `request` waits for `100 Continue` and could be accepted by its declared length.
    static func mayContinue(_ request: HTTPRequest) -> Bool {
        guard request.headerFields[.expect]?.lowercased() == "100-continue" else { return false }
        guard let declared = request.headerFields[.contentLength] else { return true }
        return Int(declared).map { $0 <= BodyLimit.imports } ?? false
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            if head.status.kind != .informational { slowClientGuard?.responseStarted() }
            closeAfterResponse = head.headerFields[.connection]?.lowercased() == "close"
            context.write(data, promise: promise)
        case .end:
            slowClientGuard?.responseEnded()
            if closeAfterResponse {
                context.writeAndFlush(data, promise: promise)
                context.close(mode: .output, promise: nil)
                context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(1)) { context.close(promise: nil) }
            } else {
                context.write(data, promise: promise)
            }
        case .body:
            context.write(data, promise: promise)
        }
    }
}
