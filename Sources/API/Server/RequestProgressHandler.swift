import NIOCore
import NIOHTTPTypes

/// Sits after the HTTP decoder and tells the connection's `SlowClientGuard` when a request head
/// and end arrive and when a response has been written. After a response that says
/// `Connection: close` (a 413 from the declared length) it closes its side at once: the client
/// reads the answer, and whatever body it still sends is discarded until the body timeout.
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
        case .head: slowClientGuard?.headReceived()
        case .end: slowClientGuard?.requestEnded()
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            closeAfterResponse = head.headerFields[.connection]?.lowercased() == "close"
            context.write(data, promise: promise)
        case .end:
            slowClientGuard?.responseEnded()
            if closeAfterResponse {
                context.writeAndFlush(data, promise: promise)
                context.close(mode: .output, promise: nil)
            } else {
                context.write(data, promise: promise)
            }
        case .body:
            context.write(data, promise: promise)
        }
    }
}
